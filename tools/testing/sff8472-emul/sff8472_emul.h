/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SFF-8472 transceiver emulator: C API for KUnit tests and demos.
 *
 * Each emulator owns one I2C adapter with one cage on it. A module in the
 * cage answers at 0x50 (A0h) and 0x51 (A2h). See
 * tools/testing/sff8472-emul/sff8472-emul.rst for the behaviour of the emulated
 * modules, the bus-time accounting and the debugfs interface.
 *
 * All functions may sleep. They are safe to call concurrently with bus
 * transfers on the emulator's adapter (one mutex per emulator).
 */
#ifndef _SFF8472_EMUL_H
#define _SFF8472_EMUL_H

#include <linux/types.h>
#include "sff8472_decode.h"

struct i2c_adapter;
struct sff8472_emul;

/* Adapter behaviour, fixed at creation. */
enum sff8472_emul_mode {
	SFF8472_EMUL_I2C,		/* master_xfer; I2C | SMBUS_EMUL */
	SFF8472_EMUL_SMBUS_BLOCK,	/* BYTE | BYTE_DATA | WORD_DATA | I2C_BLOCK */
	SFF8472_EMUL_SMBUS_WORD,	/* BYTE_DATA | WORD_DATA */
	SFF8472_EMUL_SMBUS_BYTE,	/* BYTE | BYTE_DATA */
	SFF8472_EMUL_NUM_MODES
};

/* Pages, for sff8472_emul_unstable(). */
#define SFF8472_EMUL_A0		0	/* 0x50 */
#define SFF8472_EMUL_A2		1	/* 0x51 */

/* Image sizes accepted by sff8472_emul_load_image(). */
#define SFF8472_EMUL_IMAGE_A0_ONLY	256	/* A0h only: 0x51 NACKs */
#define SFF8472_EMUL_IMAGE_FULL		512	/* A0h 0-255, then A2h 0-255 */

/* Built-in profiles (names accepted by sff8472_emul_load_profile()). */
#define SFF8472_EMUL_PROFILE_INTERNAL	"internal"	/* internally calibrated SR */
#define SFF8472_EMUL_PROFILE_EXTERNAL	"external"	/* externally calibrated LX */
#define SFF8472_EMUL_PROFILE_COPPER	"copper"	/* passive DAC, no DDM, 256 B */
#define SFF8472_EMUL_PROFILE_ADDR_CHANGE "addr-change"	/* A0h[92] bit 2 set */
#define SFF8472_EMUL_PROFILE_GPON	"gpon"		/* RTL9601C-like: byte reads only */
#define SFF8472_EMUL_PROFILE_EMPTY	"empty"		/* empty cage */

/*
 * Hardware pins of the cage, reflected in A2h byte 110 (Table 3.17):
 * TX_DISABLE -> bit 7, RS1 -> bit 5, RS0 -> bit 4, TX_FAULT -> bit 2,
 * RX_LOS -> bit 1.
 */
#define SFF8472_EMUL_PIN_TX_DISABLE	BIT(0)
#define SFF8472_EMUL_PIN_TX_FAULT	BIT(1)
#define SFF8472_EMUL_PIN_RX_LOS		BIT(2)
#define SFF8472_EMUL_PIN_RS0		BIT(3)
#define SFF8472_EMUL_PIN_RS1		BIT(4)

/*
 * Per-adapter accounting. A transaction is one call of the adapter's
 * master_xfer or smbus_xfer that reached the bus (NACKed ones included).
 * bytes_written counts every byte the host clocked out after an address
 * byte (offset/command bytes included); bytes_read counts every byte the
 * host clocked in. bits is the number of bit times on the wire, counted as
 * documented (START 1, each address or data byte 8 + ACK/NACK 1,
 * repeated START 1, STOP 1); bus_time_ns = bits * 10000 (100 kHz).
 */
struct sff8472_emul_stats {
	u64 transactions;
	u64 nacks;		/* transactions that ended on a NACK */
	u64 bytes_read;
	u64 bytes_written;
	u64 torn_reads;
	u64 general_calls;	/* messages to address 0x00, ACKed or not */
	u64 bits;
	u64 bus_time_ns;
	/*
	 * nack_nth, ff_nth, remove_nth, remove_after fired; each transaction
	 * nack_every NACKed; each transaction that unstable complemented
	 */
	u64 faults;
	u64 ff_bytes;		/* data bytes that ff_nth changed to 0xFF */
};

/* Lifetime. @max_xfer_len: 0 = unlimited, else max bytes per message. */
struct sff8472_emul *sff8472_emul_create(enum sff8472_emul_mode mode,
					 unsigned int max_xfer_len);
void sff8472_emul_destroy(struct sff8472_emul *emul);
/* For kunit_add_action() & co: @emul is a struct sff8472_emul *. */
void sff8472_emul_destroy_action(void *emul);
struct i2c_adapter *sff8472_emul_adapter(struct sff8472_emul *emul);
enum sff8472_emul_mode sff8472_emul_get_mode(struct sff8472_emul *emul);
const char *sff8472_emul_mode_name(enum sff8472_emul_mode mode);

/*
 * Images. Loading is a hot-plug: the previous module (if any) is removed
 * and the new one inserted now (timers below restart). The image is copied
 * and served byte for byte. sff8472_emul_read_image() copies up to @len
 * bytes of what the module currently holds (as a host would read it) and
 * returns the image size (0 for an empty cage, 256 or 512).
 */
int sff8472_emul_load_image(struct sff8472_emul *emul, const u8 *image,
			    size_t len);
int sff8472_emul_load_profile(struct sff8472_emul *emul, const char *name);
/* Built-in profile image: returns its size (256/512, 0 for "empty"). */
int sff8472_emul_profile_image(const char *name, u8 *buf, size_t len);
int sff8472_emul_read_image(struct sff8472_emul *emul, u8 *buf, size_t len);
/* Remove (empty cage) or re-insert the last loaded module. */
void sff8472_emul_remove(struct sff8472_emul *emul);
int sff8472_emul_insert(struct sff8472_emul *emul);
bool sff8472_emul_present(struct sff8472_emul *emul);

/*
 * Live values (A2h 96-105), raw 16-bit A/D values. Setting a value or
 * enabling drift makes the module "live": from then on alarm/warning flags
 * (112-117) follow the values against the thresholds (if A0h[93] bit 7
 * advertises them), latched or not.
 */
int sff8472_emul_set_live(struct sff8472_emul *emul, enum sff8472_channel ch,
			  u16 raw);
u16 sff8472_emul_get_live(struct sff8472_emul *emul, enum sff8472_channel ch);
/*
 * Drift: each update adds @step to the channel, bouncing between @min and
 * @max (compared signed for temperature). @step 0 disables drift.
 */
int sff8472_emul_set_drift(struct sff8472_emul *emul, enum sff8472_channel ch,
			   s16 step, u16 min, u16 max);
/*
 * When drift updates happen: after every @every_xfers transactions (0: never)
 * and/or every @period_ms milliseconds from a work item (0: never).
 */
void sff8472_emul_set_update_rate(struct sff8472_emul *emul,
				  unsigned int every_xfers,
				  unsigned int period_ms);
/* Run the periodic work item's next update now (or wait for the running one). */
void sff8472_emul_run_periodic(struct sff8472_emul *emul);
/* Apply one drift update now. */
void sff8472_emul_update(struct sff8472_emul *emul);
/* Latched flags: set on a condition, cleared when read and the condition is gone. */
void sff8472_emul_set_latched(struct sff8472_emul *emul, bool latched);

/* Status pins (SFF8472_EMUL_PIN_*), reflected in A2h byte 110. */
void sff8472_emul_set_pins(struct sff8472_emul *emul, unsigned int pins);
unsigned int sff8472_emul_get_pins(struct sff8472_emul *emul);

/*
 * Timing, all counted from insertion. Data_Ready_Bar (A2h 110 bit 0) reads
 * high for @ms. A slow module NACKs everything for @ms. A write to the user
 * EEPROM (A2h 128-247) starts a write cycle of @us during which the module
 * NACKs its addresses (default 5000 us). skip: @ms pass for the module at
 * once (a test's wait, without waiting).
 */
void sff8472_emul_set_data_ready_delay(struct sff8472_emul *emul,
				       unsigned int ms);
void sff8472_emul_set_slow_start(struct sff8472_emul *emul, unsigned int ms);
void sff8472_emul_set_write_cycle(struct sff8472_emul *emul, unsigned int us);
void sff8472_emul_skip(struct sff8472_emul *emul, unsigned int ms);

/*
 * Faults. nack_next: NACK the next @n transactions. nack_nth: NACK only the
 * @n-th transaction from now (1 = the next one). remove_after: the module is
 * pulled out after @n more data bytes have crossed the bus; the rest of that
 * transaction reads 0xFF (a write NACKs), later transactions NACK.
 * remove_nth: the module is pulled out just before the @n-th transaction
 * from now (1 = the next one), which NACKs, as do the later ones.
 * read_ff: the module ACKs but every data byte read is 0xFF.
 * ff_nth: only in the @n-th transaction from now (1 = the next one) every
 * data byte read is 0xFF, the module ACKing as usual (what a module being
 * pulled out or a glitching bus returns for one transaction).
 * ff_nth_from: the same from the @from-th data byte read in that
 * transaction on (0 = the first; counted over all its read messages): a
 * glitch in the middle of a transfer while the module stays in the cage.
 * nack_every: the @n-th, 2@n-th, ... transactions from now NACK at the
 * address until cleared (0 stops; 1 NACKs all): an intermittent module.
 * unstable: the next @n transactions that read any byte of @page's bytes
 * [@off, @off + @len) read each of those bytes complemented (a module whose
 * bytes read back unstably, e.g. CC_DMI); -EINVAL for a range outside the
 * page. unstable_a2(@off, @n) is unstable(A2h, @off, 1, @n).
 * sff8472_emul_clear_faults() cancels all of them.
 */
void sff8472_emul_nack_next(struct sff8472_emul *emul, unsigned int n);
void sff8472_emul_nack_nth(struct sff8472_emul *emul, unsigned int n);
void sff8472_emul_remove_after(struct sff8472_emul *emul, unsigned int n);
void sff8472_emul_remove_nth(struct sff8472_emul *emul, unsigned int n);
void sff8472_emul_set_read_ff(struct sff8472_emul *emul, bool on);
void sff8472_emul_ff_nth(struct sff8472_emul *emul, unsigned int n);
void sff8472_emul_ff_nth_from(struct sff8472_emul *emul, unsigned int n,
			      unsigned int from);
void sff8472_emul_nack_every(struct sff8472_emul *emul, unsigned int n);
int sff8472_emul_unstable(struct sff8472_emul *emul, unsigned int page,
			  unsigned int off, unsigned int len, unsigned int n);
void sff8472_emul_unstable_a2(struct sff8472_emul *emul, u8 off,
			      unsigned int n);
void sff8472_emul_clear_faults(struct sff8472_emul *emul);

/* Accounting. */
void sff8472_emul_get_stats(struct sff8472_emul *emul,
			    struct sff8472_emul_stats *stats);
void sff8472_emul_reset_stats(struct sff8472_emul *emul);

#if IS_ENABLED(CONFIG_KUNIT)
#include <kunit/test.h>
#include <kunit/resource.h>
#include <linux/err.h>

/* Create an emulator destroyed automatically when @test ends. */
static inline struct sff8472_emul *
sff8472_emul_kunit_create(struct kunit *test, enum sff8472_emul_mode mode,
			  unsigned int max_xfer_len)
{
	struct sff8472_emul *emul = sff8472_emul_create(mode, max_xfer_len);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, emul);
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test,
						  sff8472_emul_destroy_action,
						  emul));
	return emul;
}
#endif

#endif /* _SFF8472_EMUL_H */
