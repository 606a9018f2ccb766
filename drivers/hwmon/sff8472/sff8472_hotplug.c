// SPDX-License-Identifier: GPL-2.0-only
/*
 * SFF-8472 hot-plug: an explicit module state machine, in the manner of
 * sfp.c's (Documentation/hwmon/sff8472.rst, "Hot-plug"). sff8472_hp_next()'s
 * table is the transition function; entering a state runs its action
 * (sff8472_hp_enter()), and the actions that look at the module return the
 * outcome as the next event. Everything runs under the cache lock, from one
 * work item on the freezable workqueue (no bus traffic while the system
 * sleeps), or in probe for the first look.
 */

#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/gpio/consumer.h>
#include <linux/i2c.h>
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <kunit/visibility.h>

#include "sff8472.h"
#include "sff8472_compat.h"

#define SFF8472_T_SERIAL_MS	300	/* SFF-8472 Table 3.11 */
#define SFF8472_RETRY_MIN_MS	50
#define SFF8472_SLOW_WARN_MS	60000	/* GPON sticks: up to 60 s */
#define SFF8472_MISSES_GONE	3	/* failed VERIFYs in a row: gone */
#define SFF8472_VERIFY_MIN_MS	1000	/* reader-caused VERIFYs at most */
#define SFF8472_FULL_CHECK_MS	300000	/* full comparison without an IRQ */

static const char * const sff8472_hp_state_names[] = {
	[SFF8472_HP_EMPTY] = "empty",
	[SFF8472_HP_SETTLE] = "settle",
	[SFF8472_HP_PROBE] = "probe",
	[SFF8472_HP_RETRY] = "retry",
	[SFF8472_HP_PRESENT] = "present",
	[SFF8472_HP_CHECK] = "check",
	[SFF8472_HP_VERIFY] = "verify",
	[SFF8472_HP_MISSING] = "missing",
};

static const char * const sff8472_hp_event_names[] = {
	[SFF8472_EV_NONE] = "none",
	[SFF8472_EV_POLL] = "poll",
	[SFF8472_EV_TIMER] = "timer",
	[SFF8472_EV_MOD_ON] = "mod-on",
	[SFF8472_EV_MOD_OFF] = "mod-off",
	[SFF8472_EV_DOUBT] = "doubt",
	[SFF8472_EV_OK] = "ok",
	[SFF8472_EV_CHANGED] = "changed",
	[SFF8472_EV_FAILED] = "failed",
	[SFF8472_EV_GONE] = "gone",
};

const char *sff8472_hp_state_name(enum sff8472_hp_state state)
{
	return state < SFF8472_HP_NUM_STATES ? sff8472_hp_state_names[state] :
					       "invalid";
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_hp_state_name);

/*
 * The transition function; Documentation/hwmon/sff8472.rst shows the table
 * too, and make check compares the two (scripts/hp-table-check.py).
 */
static enum sff8472_hp_state sff8472_hp_next(enum sff8472_hp_state state,
					     enum sff8472_hp_event event)
{
	enum {
		E = SFF8472_HP_EMPTY, S = SFF8472_HP_SETTLE,
		P = SFF8472_HP_PROBE, R = SFF8472_HP_RETRY,
		Q = SFF8472_HP_PRESENT, C = SFF8472_HP_CHECK,
		V = SFF8472_HP_VERIFY, M = SFF8472_HP_MISSING,
	};
	static const u8 next[SFF8472_HP_NUM_STATES][SFF8472_EV_NUM_EVENTS] = {
		/*     none poll timer on off doubt   ok changed failed gone */
		[E] = { E,   P,   E,    S, E,  P,      E, E,      E,     E },
		[S] = { S,   S,   P,    S, E,  S,      S, S,      S,     S },
		[P] = { P,   P,   P,    S, E,  P,      Q, P,      R,     E },
		[R] = { R,   R,   P,    S, E,  R,      R, R,      R,     R },
		[Q] = { Q,   C,   Q,    S, E,  V,      Q, Q,      Q,     Q },
		[C] = { C,   C,   C,    S, E,  C,      Q, V,      V,     V },
		[V] = { V,   V,   V,    S, E,  V,      Q, P,      M,     E },
		[M] = { M,   M,   V,    S, E,  M,      M, M,      M,     M },
	};

	return next[state][event];
}

static bool sff8472_hp_has_deadline(enum sff8472_hp_state state)
{
	return state == SFF8472_HP_SETTLE || state == SFF8472_HP_RETRY ||
	       state == SFF8472_HP_MISSING;
}

static u64 sff8472_after_ms(u64 now, unsigned int ms)
{
	return now + msecs_to_jiffies(ms);
}

/* Next attempt at a module that is there but failing: 50 ms, doubling. */
static void sff8472_hp_backoff(struct sff8472_cage *data, u64 now)
{
	struct sff8472_hotplug *hp = &data->hp;

	if (!hp->retry_ms) {
		hp->retry_ms = SFF8472_RETRY_MIN_MS;
		hp->retried_ms = 0;
	} else {
		hp->retry_ms = min(hp->retry_ms * 2, hp->poll_ms);
	}
	hp->deadline = sff8472_after_ms(now, hp->retry_ms);
	if (hp->state == SFF8472_HP_RETRY && !hp->slow_warned &&
	    hp->retried_ms >= SFF8472_SLOW_WARN_MS) {
		dev_warn(data->dev, "module present but not answering\n");
		hp->slow_warned = true;
	}
	hp->retried_ms = min(hp->retried_ms + hp->retry_ms,
			     SFF8472_SLOW_WARN_MS);
}

static enum sff8472_hp_event sff8472_hp_probe(struct sff8472_cage *data)
{
	struct sff8472_hotplug *hp = &data->hp;
	int ret;

	/*
	 * A module still cached (after a verification that found other
	 * bytes) stays so while it is read again: the same bytes are the
	 * same module, which keeps its generation and is not announced
	 * again. Until a read succeeds it is in doubt, shown to nobody.
	 */
	ret = sff8472_cache_load(&data->cache);
	if (!ret)
		return SFF8472_EV_OK;
	sff8472_cache_doubt(&data->cache, true);
	dev_dbg(data->dev, "module read failed (%d)\n", ret);
	/* Without MOD_DEF0, silence at A0h is an empty cage. */
	return ret == -ENODEV && !hp->gpio ? SFF8472_EV_GONE :
					     SFF8472_EV_FAILED;
}

static enum sff8472_hp_event sff8472_hp_verify(struct sff8472_cage *data,
					       u64 now)
{
	struct sff8472_hotplug *hp = &data->hp;
	int ret;

	/* Back in PRESENT, the next VERIFY a reader causes waits this long. */
	hp->deadline = sff8472_after_ms(now, SFF8472_VERIFY_MIN_MS);
	ret = sff8472_cache_verify(&data->cache);
	if (!ret)
		return SFF8472_EV_OK;
	if (ret == -ESTALE)
		return SFF8472_EV_CHANGED;
	if (!hp->gpio && ++hp->misses >= SFF8472_MISSES_GONE)
		return SFF8472_EV_GONE;
	return SFF8472_EV_FAILED;
}

static enum sff8472_hp_event sff8472_hp_check(struct sff8472_cage *data)
{
	int ret = sff8472_cache_check(&data->cache);

	if (!ret)
		return SFF8472_EV_OK;
	return ret == -ESTALE ? SFF8472_EV_CHANGED : SFF8472_EV_FAILED;
}

/* Entry actions of every state; returns the outcome, if the state has one. */
static enum sff8472_hp_event sff8472_hp_enter(struct sff8472_cage *data,
					      enum sff8472_hp_state state)
{
	struct sff8472_hotplug *hp = &data->hp;
	u64 now = sff8472_now(&data->cache);

	switch (state) {
	case SFF8472_HP_EMPTY:
		sff8472_cache_forget(&data->cache, hp->gpio && !hp->level);
		hp->retry_ms = 0;
		hp->misses = 0;
		hp->slow_warned = false;
		return SFF8472_EV_NONE;
	case SFF8472_HP_SETTLE:
		/* An edge: whatever was cached has been pulled out. */
		sff8472_cache_forget(&data->cache, true);
		hp->retry_ms = 0;
		hp->deadline = sff8472_after_ms(now, SFF8472_T_SERIAL_MS);
		return SFF8472_EV_NONE;
	case SFF8472_HP_PROBE:
		return sff8472_hp_probe(data);
	case SFF8472_HP_RETRY:
		sff8472_hp_backoff(data, now);
		return SFF8472_EV_NONE;
	case SFF8472_HP_MISSING:
		/* Perhaps gone, perhaps another module: show nothing of it. */
		sff8472_cache_doubt(&data->cache, true);
		sff8472_hp_backoff(data, now);
		return SFF8472_EV_NONE;
	case SFF8472_HP_PRESENT:
		sff8472_cache_doubt(&data->cache, false);
		hp->retry_ms = 0;
		hp->misses = 0;
		hp->slow_warned = false;
		return SFF8472_EV_NONE;
	case SFF8472_HP_CHECK:
		return sff8472_hp_check(data);
	case SFF8472_HP_VERIFY:
		return sff8472_hp_verify(data, now);
	default:
		return SFF8472_EV_NONE;
	}
}

/* Feed @event to the machine, and the outcomes of the states it enters. */
static void sff8472_hp_run(struct sff8472_cage *data,
			   enum sff8472_hp_event event)
{
	struct sff8472_hotplug *hp = &data->hp;

	while (event != SFF8472_EV_NONE) {
		enum sff8472_hp_state next = sff8472_hp_next(hp->state, event);
		bool enter = next != hp->state ||
			     event == SFF8472_EV_MOD_ON ||
			     event == SFF8472_EV_MOD_OFF;

		dev_dbg(data->dev, "hot-plug %s --%s--> %s\n",
			sff8472_hp_state_name(hp->state),
			sff8472_hp_event_names[event],
			sff8472_hp_state_name(next));
		hp->state = next;
		event = enter ? sff8472_hp_enter(data, next) : SFF8472_EV_NONE;
	}
}

/*
 * MOD_DEF0 as an event: MOD_OFF while deasserted, MOD_ON on a rising level
 * or on an IRQ edge while asserted (an edge pair can hide a swap).
 * Return: 0, or -EIO when the level could not be read.
 */
static int sff8472_hp_gpio(struct sff8472_cage *data, bool edge)
{
	struct sff8472_hotplug *hp = &data->hp;
	bool was = hp->level;
	int level = gpiod_get_value_cansleep(hp->gpio);

	if (level < 0) {
		/* e.g. a GPIO expander that NACKed: no news, ask again */
		dev_dbg(data->dev, "cannot read mod-def0 (%d)\n", level);
		hp->gpio_failed = true;
		return -EIO;
	}
	hp->gpio_failed = false;
	hp->level = level;
	if (!level && hp->state != SFF8472_HP_EMPTY)
		sff8472_hp_run(data, SFF8472_EV_MOD_OFF);
	else if (level && (!was || edge))
		sff8472_hp_run(data, SFF8472_EV_MOD_ON);
	return 0;
}

/* One run: the events that are due, in order of precedence. */
static void sff8472_hp_step(struct sff8472_cage *data)
{
	struct sff8472_hotplug *hp = &data->hp;
	unsigned long kicks = xchg(&hp->kicks, 0);
	u64 now = sff8472_now(&data->cache);
	bool polled = !hp->irq_mode || (kicks & SFF8472_KICK_POLL);

	/*
	 * A reader's read failed or met another module: VERIFY at once, but
	 * at most once per SFF8472_VERIFY_MIN_MS (PRESENT's deadline), so
	 * failing reads cannot turn every reader into a bus flood.
	 */
	if (data->cache.verify_wanted && !time_before64(now, hp->deadline)) {
		data->cache.verify_wanted = false;
		kicks |= SFF8472_KICK_DOUBT;
	}
	if (hp->gpio) {
		if (sff8472_hp_gpio(data, kicks & SFF8472_KICK_EDGE)) {
			/* Keep what was asked for until the level is known. */
			set_mask_bits(&hp->kicks, 0, kicks);
			return;
		}
		if (!hp->level)
			return;
	}
	if (kicks & SFF8472_KICK_DOUBT)
		sff8472_hp_run(data, SFF8472_EV_DOUBT);
	if (sff8472_hp_has_deadline(hp->state)) {
		if (time_after_eq64(now, hp->deadline))
			sff8472_hp_run(data, SFF8472_EV_TIMER);
		return;
	}
	if (!polled || (time_before64(now, hp->next_poll) &&
			!(kicks & SFF8472_KICK_POLL)))
		return;
	hp->next_poll = sff8472_after_ms(now, hp->poll_ms);
	/* One periodic look in so many (not a forced one) is a full one. */
	if (hp->state == SFF8472_HP_PRESENT && !(kicks & SFF8472_KICK_POLL) &&
	    ++hp->polls >= DIV_ROUND_UP(SFF8472_FULL_CHECK_MS, hp->poll_ms)) {
		hp->polls = 0;
		sff8472_hp_run(data, SFF8472_EV_DOUBT);
	} else {
		sff8472_hp_run(data, SFF8472_EV_POLL);
	}
}

/* Jiffies until the next run is due, or -1 when only a kick will wake us. */
static long sff8472_hp_delay(struct sff8472_cage *data)
{
	struct sff8472_hotplug *hp = &data->hp;
	u64 now = sff8472_now(&data->cache), when = U64_MAX;

	if (data->cache.verify_wanted)
		when = hp->deadline;
	if (hp->gpio_failed)
		when = min(when, sff8472_after_ms(now, SFF8472_RETRY_MIN_MS * 4));
	if (sff8472_hp_has_deadline(hp->state))
		when = min(when, hp->deadline);
	else if (!hp->irq_mode && (!hp->gpio || hp->level))
		when = min(when, hp->next_poll);
	if (!hp->irq_mode && hp->gpio)
		when = min(when, sff8472_after_ms(now, hp->poll_ms));
	if (when == U64_MAX)
		return -1;
	return when > now ? (long)min_t(u64, when - now, LONG_MAX) : 0;
}

/* Run the machine, tell the outputs; jiffies until the next run, or -1. */
VISIBLE_IF_KUNIT long sff8472_hp_run_once(struct sff8472_cage *data)
{
	long delay;

	mutex_lock(&data->hp.run_lock);
	mutex_lock(&data->cache.lock);
	sff8472_hp_step(data);
	delay = sff8472_hp_delay(data);
	mutex_unlock(&data->cache.lock);

	sff8472_publish(data);
	mutex_unlock(&data->hp.run_lock);
	return delay;
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_hp_run_once);

/* Run the machine now, and sleep until next time. */
static void sff8472_hp_run_now(struct sff8472_cage *data)
{
	long delay = sff8472_hp_run_once(data);

	/* queue_, not mod_: a kick that came meanwhile must not be delayed. */
	if (delay >= 0)
		queue_delayed_work(system_freezable_wq, &data->hp.work, delay);
}

static void sff8472_hp_work(struct work_struct *work)
{
	struct sff8472_hotplug *hp = container_of(to_delayed_work(work),
						  struct sff8472_hotplug,
						  work);

	sff8472_hp_run_now(container_of(hp, struct sff8472_cage, hp));
}

/**
 * sff8472_hp_kick() - run the state machine as soon as possible
 * @data: the cage
 * @why: SFF8472_KICK_* bits
 *
 * Safe from any context that may queue work (the MOD_DEF0 IRQ thread,
 * debugfs, resume).
 */
void sff8472_hp_kick(struct sff8472_cage *data, unsigned long why)
{
	set_mask_bits(&data->hp.kicks, 0, why);
	mod_delayed_work(system_freezable_wq, &data->hp.work, 0);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_hp_kick);

/**
 * sff8472_hp_init() - set the machine up, in EMPTY
 * @data: the cage
 * @gpio: MOD_DEF0, or NULL
 * @poll_ms: period of the look without an IRQ, clamped to 50 ms - 1 h
 *
 * Return: 0 or -ENOMEM.
 */
int sff8472_hp_init(struct sff8472_cage *data, struct gpio_desc *gpio,
		    unsigned int poll_ms)
{
	struct sff8472_hotplug *hp = &data->hp;

	INIT_DELAYED_WORK(&hp->work, sff8472_hp_work);
	hp->state = SFF8472_HP_EMPTY;
	hp->gpio = gpio;
	/* No settling for a module that was there before probe. */
	hp->level = true;
	hp->poll_ms = clamp(poll_ms, 50U, 3600000U);
	data->cache.watch = &hp->work;
	return devm_mutex_init(data->dev, &hp->run_lock);
}
EXPORT_SYMBOL_IF_KUNIT(sff8472_hp_init);

/**
 * sff8472_hp_start() - the first look, synchronously, then the work
 * @data: the cage, with everything else set up
 *
 * Synchronous so that probe never waits for a work item, which would never
 * run if workqueues were already frozen for suspend.
 */
void sff8472_hp_start(struct sff8472_cage *data)
{
	set_mask_bits(&data->hp.kicks, 0, SFF8472_KICK_POLL);
	sff8472_hp_run_now(data);
}

/*
 * No more runs; waits for one in progress. The cache forgets the work under
 * its lock, so remaining readers (hwmon goes last) cannot queue it again on
 * a kernel without disable_delayed_work_sync(); the IRQ and debugfs are
 * gone first, and resume and unbind exclude each other.
 */
void sff8472_hp_stop(struct sff8472_cage *data)
{
	mutex_lock(&data->cache.lock);
	data->cache.watch = NULL;
	mutex_unlock(&data->cache.lock);
	disable_delayed_work_sync(&data->hp.work);
}

static int sff8472_hp_state_show(struct seq_file *s, void *unused)
{
	struct sff8472_cage *data = s->private;
	struct sff8472_hotplug *hp = &data->hp;

	mutex_lock(&data->cache.lock);
	seq_printf(s, "%s\n", sff8472_hp_state_name(hp->state));
	mutex_unlock(&data->cache.lock);
	return 0;
}

static int sff8472_hp_state_open(struct inode *inode, struct file *file)
{
	return single_open(file, sff8472_hp_state_show, inode->i_private);
}

/* Writing "check" looks at the cage now. */
static ssize_t sff8472_hp_state_write(struct file *file,
				      const char __user *ubuf, size_t count,
				      loff_t *ppos)
{
	struct sff8472_cage *data = file_inode(file)->i_private;
	char buf[8] = { };

	if (count >= sizeof(buf) || copy_from_user(buf, ubuf, count))
		return -EINVAL;
	if (!sysfs_streq(buf, "check"))
		return -EINVAL;
	sff8472_hp_kick(data, SFF8472_KICK_POLL);
	return count;
}

static const struct file_operations sff8472_hp_state_fops = {
	.owner = THIS_MODULE,
	.open = sff8472_hp_state_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = sff8472_hp_state_write,
};

/**
 * sff8472_hp_debugfs() - the state in debugfs, "hotplug_state"
 * @data: the cage
 * @dir: the cage's debugfs directory
 */
void sff8472_hp_debugfs(struct sff8472_cage *data, struct dentry *dir)
{
	debugfs_create_file("hotplug_state", 0600, dir, data,
			    &sff8472_hp_state_fops);
}
