/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Emulated PCA9548 I2C switches in front of emulated SFP cages (tests and
 * demos only): C API for KUnit tests.
 *
 * A bus is one I2C adapter with up to eight PCA9548 at 0x70-0x77. Each
 * PCA9548 has a one-byte control register at its own address (bit N
 * connects channel N) and one emulated cage (struct sff8472_emul) per
 * channel. A transaction addressed to a switch reads or writes its control
 * register; any other transaction goes to the cages of every connected
 * channel. The bus counts every transaction on it, the switches' own
 * included; each cage keeps counting its own, as on a bus of its own. See
 * tools/testing/sff8472-emul/sff8472-emul.rst.
 */
#ifndef _SFF8472_EMUL_MUX_H
#define _SFF8472_EMUL_MUX_H

#include <linux/types.h>
#include "sff8472_emul.h"

struct device;
struct i2c_adapter;
struct sff8472_emul_bus;

#define SFF8472_EMUL_MUX_ADDR0		0x70	/* A2..A0 = 0 */
#define SFF8472_EMUL_MUX_MAX		8	/* 0x70-0x77 */
#define SFF8472_EMUL_MUX_CHANNELS	8	/* PCA9548 */

/*
 * Accounting of the whole bus: the fields of struct sff8472_emul_stats
 * (counted with the same rules), and the transactions addressed to a
 * switch among them.
 */
struct sff8472_emul_bus_stats {
	struct sff8472_emul_stats bus;
	u64 mux_transactions;
};

/*
 * A bus with a PCA9548 at 0x70 + i for each bit i of @mux_mask, each with
 * eight empty cages, whose adapter works in @mode with at most
 * @max_xfer_len bytes per message (0: unlimited), like its cages.
 */
struct sff8472_emul_bus *sff8472_emul_bus_create(enum sff8472_emul_mode mode,
						 unsigned int max_xfer_len,
						 u8 mux_mask);
void sff8472_emul_bus_destroy(struct sff8472_emul_bus *bus);
/* For kunit_add_action() & co: @bus is a struct sff8472_emul_bus *. */
void sff8472_emul_bus_destroy_action(void *bus);
struct i2c_adapter *sff8472_emul_bus_adapter(struct sff8472_emul_bus *bus);
/* The cage on channel @chan of the switch at @mux_addr, or NULL. */
struct sff8472_emul *sff8472_emul_bus_cage(struct sff8472_emul_bus *bus,
					   u8 mux_addr, unsigned int chan);
/* The control register of the switch at @mux_addr (-ENODEV: none). */
int sff8472_emul_bus_control(struct sff8472_emul_bus *bus, u8 mux_addr);
void sff8472_emul_bus_get_stats(struct sff8472_emul_bus *bus,
				struct sff8472_emul_bus_stats *stats);
void sff8472_emul_bus_reset_stats(struct sff8472_emul_bus *bus);

#if IS_ENABLED(CONFIG_KUNIT)
#include <kunit/test.h>
#include <kunit/resource.h>
#include <linux/err.h>

/* Create a bus destroyed automatically when @test ends. */
static inline struct sff8472_emul_bus *
sff8472_emul_bus_kunit_create(struct kunit *test, enum sff8472_emul_mode mode,
			      unsigned int max_xfer_len, u8 mux_mask)
{
	struct sff8472_emul_bus *bus;

	bus = sff8472_emul_bus_create(mode, max_xfer_len, mux_mask);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bus);
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test,
						  sff8472_emul_bus_destroy_action,
						  bus));
	return bus;
}
#endif

#endif /* _SFF8472_EMUL_MUX_H */
