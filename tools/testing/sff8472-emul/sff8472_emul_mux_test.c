// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the emulated PCA9548 switches (sff8472_emul_mux.c).
 *
 * Expected values come from the PCA9548A datasheet (control register:
 * bit N connects channel N, read back as written; the chip answers at its
 * own address 0x70-0x77) and from the I2C frame formats: bit counts are
 * derived by hand in the comments (START 1, address or data byte 8 + 1,
 * repeated START 1, STOP 1; 10 us per bit at 100 kHz).
 */

#include <kunit/test.h>
#include <linux/i2c.h>
#include <linux/i2c-mux.h>
#include <linux/slab.h>

#include "sff8472_emul_mux.h"

#define A0	0x50
#define MUX0	0x70
#define MUX1	0x71

#define NS(bits)	((u64)(bits) * 10000)

/* I2C random read: S, addr+W, offset, Sr, addr+R, len bytes, P. */
static int rd(struct i2c_adapter *a, u16 addr, u8 off, u8 *buf, u16 len)
{
	struct i2c_msg msgs[2] = {
		{ .addr = addr, .len = 1, .buf = &off },
		{ .addr = addr, .flags = I2C_M_RD, .len = len, .buf = buf },
	};
	int ret = i2c_transfer(a, msgs, 2);

	return ret == 2 ? 0 : ret < 0 ? ret : -EIO;
}

/* SMBus send byte to a switch: S, addr+W, control, P (20 bits). */
static int select_chan(struct i2c_adapter *a, u16 mux, u8 control)
{
	return i2c_smbus_xfer(a, mux, 0, I2C_SMBUS_WRITE, control,
			      I2C_SMBUS_BYTE, NULL);
}

/* SMBus receive byte from a switch: S, addr+R, control, P (20 bits). */
static int read_control(struct i2c_adapter *a, u16 mux)
{
	union i2c_smbus_data d;
	int ret;

	ret = i2c_smbus_xfer(a, mux, 0, I2C_SMBUS_READ, 0, I2C_SMBUS_BYTE, &d);
	return ret < 0 ? ret : d.byte;
}

static u8 *profile(struct kunit *test, const char *name)
{
	u8 *img = kunit_kzalloc(test, 512, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, img);
	KUNIT_ASSERT_EQ(test, 512, sff8472_emul_profile_image(name, img, 512));
	return img;
}

/* The cage on channel @ch of switch @mux, holding profile @prof. */
static struct sff8472_emul *cage(struct kunit *test,
				 struct sff8472_emul_bus *bus, u8 mux,
				 unsigned int ch, const char *prof)
{
	struct sff8472_emul *e = sff8472_emul_bus_cage(bus, mux, ch);

	KUNIT_ASSERT_NOT_NULL(test, e);
	if (prof)
		KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(e, prof));
	return e;
}

/* The control register is at the switch's own address and reads back. */
static void mux_test_control_register(struct kunit *test)
{
	u8 b = 0;
	struct i2c_msg mixed[2] = {
		{ .addr = MUX1, .len = 1, .buf = &b },
		{ .addr = A0, .flags = I2C_M_RD, .len = 1, .buf = &b },
	};
	struct sff8472_emul_bus *bus;
	struct i2c_adapter *a;

	bus = sff8472_emul_bus_kunit_create(test, SFF8472_EMUL_I2C, 0,
					    BIT(0) | BIT(1));
	a = sff8472_emul_bus_adapter(bus);

	/* Power-up: every channel disconnected. */
	KUNIT_EXPECT_EQ(test, 0, read_control(a, MUX0));
	KUNIT_EXPECT_EQ(test, 0, read_control(a, MUX1));
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, MUX1, 0x84));
	KUNIT_EXPECT_EQ(test, 0x84, read_control(a, MUX1));
	KUNIT_EXPECT_EQ(test, 0x84, sff8472_emul_bus_control(bus, MUX1));
	/* The other switch is untouched. */
	KUNIT_EXPECT_EQ(test, 0, read_control(a, MUX0));
	/* No switch at 0x72: only the connected (empty) cages hear it. */
	KUNIT_EXPECT_EQ(test, -ENXIO, read_control(a, 0x72));
	KUNIT_EXPECT_EQ(test, -ENODEV, sff8472_emul_bus_control(bus, 0x72));
	KUNIT_EXPECT_NULL(test, sff8472_emul_bus_cage(bus, 0x72, 0));
	KUNIT_EXPECT_NULL(test, sff8472_emul_bus_cage(bus, MUX0, 8));
	/* A switch and another address in one transaction: not modelled. */
	KUNIT_EXPECT_EQ(test, -EOPNOTSUPP, i2c_transfer(a, mixed, 2));
	KUNIT_EXPECT_EQ(test, 0x84, sff8472_emul_bus_control(bus, MUX1));
}

/* A transaction reaches the cage of the connected channel, and only it. */
static void mux_test_routing(struct kunit *test)
{
	u8 *internal = profile(test, "internal");
	u8 *external = profile(test, "external");
	struct sff8472_emul_bus *bus;
	struct i2c_adapter *a;
	u8 buf[16];

	bus = sff8472_emul_bus_kunit_create(test, SFF8472_EMUL_I2C, 0,
					    BIT(0) | BIT(1));
	a = sff8472_emul_bus_adapter(bus);
	cage(test, bus, MUX0, 3, "internal");
	cage(test, bus, MUX1, 5, "external");

	/* Nothing connected: nobody ACKs 0x50. */
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A0, 20, buf, 16));

	/* Vendor name, A0h 20-35 (Table 4-1). */
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, MUX0, BIT(3)));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 20, buf, 16));
	KUNIT_EXPECT_MEMEQ(test, buf, internal + 20, 16);

	KUNIT_ASSERT_EQ(test, 0, select_chan(a, MUX0, 0));
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, MUX1, BIT(5)));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 20, buf, 16));
	KUNIT_EXPECT_MEMEQ(test, buf, external + 20, 16);

	/* An empty cage on a connected channel NACKs, like an empty bus. */
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, MUX1, BIT(4)));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A0, 20, buf, 16));
}

/* The bus counts every transaction, the switch's own included. */
static void mux_test_accounting(struct kunit *test)
{
	struct sff8472_emul_bus_stats st;
	struct sff8472_emul_stats cs;
	struct sff8472_emul_bus *bus;
	struct sff8472_emul *e;
	struct i2c_adapter *a;
	u8 buf[16];

	bus = sff8472_emul_bus_kunit_create(test, SFF8472_EMUL_I2C, 0, BIT(2));
	a = sff8472_emul_bus_adapter(bus);
	e = cage(test, bus, 0x72, 0, "internal");

	/* Nothing connected: S, addr+NACK, P = 11 bits. */
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A0, 0, buf, 16));
	sff8472_emul_bus_get_stats(bus, &st);
	KUNIT_EXPECT_EQ(test, 1, st.bus.transactions);
	KUNIT_EXPECT_EQ(test, 1, st.bus.nacks);
	KUNIT_EXPECT_EQ(test, 11, st.bus.bits);
	KUNIT_EXPECT_EQ(test, 0, st.mux_transactions);

	sff8472_emul_bus_reset_stats(bus);
	sff8472_emul_reset_stats(e);
	/*
	 * select (S A C P = 20 bits), a 16-byte random read (S A O Sr A
	 * 16*D P = 30 + 144 = 174 bits), deselect (20 bits): 214 bits.
	 */
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, 0x72, BIT(0)));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 0, buf, 16));
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, 0x72, 0));
	sff8472_emul_bus_get_stats(bus, &st);
	KUNIT_EXPECT_EQ(test, 3, st.bus.transactions);
	KUNIT_EXPECT_EQ(test, 2, st.mux_transactions);
	KUNIT_EXPECT_EQ(test, 0, st.bus.nacks);
	KUNIT_EXPECT_EQ(test, 16, st.bus.bytes_read);
	KUNIT_EXPECT_EQ(test, 3, st.bus.bytes_written);
	KUNIT_EXPECT_EQ(test, 214, st.bus.bits);
	KUNIT_EXPECT_EQ(test, NS(214), st.bus.bus_time_ns);

	/* The cage saw only its own transaction. */
	sff8472_emul_get_stats(e, &cs);
	KUNIT_EXPECT_EQ(test, 1, cs.transactions);
	KUNIT_EXPECT_EQ(test, 174, cs.bits);
}

/* Two connected cages answer together: open-drain, so the data is ANDed. */
static void mux_test_wired_and(struct kunit *test)
{
	struct sff8472_emul_bus_stats st;
	struct sff8472_emul_bus *bus;
	struct sff8472_emul *e1, *e2;
	union i2c_smbus_data d;
	struct i2c_adapter *a;
	u8 *img1, *img2;

	img1 = profile(test, "internal");
	img2 = profile(test, "internal");
	img1[120] = 0xf0;	/* A0h 120: vendor specific */
	img2[120] = 0x3c;
	bus = sff8472_emul_bus_kunit_create(test, SFF8472_EMUL_SMBUS_BYTE, 0,
					    BIT(0) | BIT(1));
	a = sff8472_emul_bus_adapter(bus);
	e1 = cage(test, bus, MUX0, 1, NULL);
	e2 = cage(test, bus, MUX1, 6, NULL);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_image(e1, img1, 512));
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_image(e2, img2, 512));
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, MUX0, BIT(1)));
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, MUX1, BIT(6)));
	sff8472_emul_bus_reset_stats(bus);

	KUNIT_ASSERT_EQ(test, 0, i2c_smbus_xfer(a, A0, 0, I2C_SMBUS_READ, 120,
						I2C_SMBUS_BYTE_DATA, &d));
	/* 0xf0 & 0x3c */
	KUNIT_EXPECT_EQ(test, 0x30, d.byte);
	/* One read byte data on the wire (S A C Sr A D P = 39 bits). */
	sff8472_emul_bus_get_stats(bus, &st);
	KUNIT_EXPECT_EQ(test, 1, st.bus.transactions);
	KUNIT_EXPECT_EQ(test, 39, st.bus.bits);
}

/* The same with I2C messages: a two-byte random read, ANDed byte by byte. */
static void mux_test_wired_and_i2c(struct kunit *test)
{
	struct sff8472_emul *e1, *e2;
	struct sff8472_emul_bus *bus;
	struct i2c_adapter *a;
	u8 *img1, *img2, buf[2];

	img1 = profile(test, "internal");
	img2 = profile(test, "internal");
	img1[120] = 0xf0;
	img1[121] = 0x0f;
	img2[120] = 0x3c;
	img2[121] = 0xff;
	bus = sff8472_emul_bus_kunit_create(test, SFF8472_EMUL_I2C, 0, BIT(0));
	a = sff8472_emul_bus_adapter(bus);
	e1 = cage(test, bus, MUX0, 0, NULL);
	e2 = cage(test, bus, MUX0, 7, NULL);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_image(e1, img1, 512));
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_image(e2, img2, 512));
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, MUX0, BIT(0) | BIT(7)));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 120, buf, 2));
	KUNIT_EXPECT_EQ(test, 0x30, buf[0]);	/* 0xf0 & 0x3c */
	KUNIT_EXPECT_EQ(test, 0x0f, buf[1]);	/* 0x0f & 0xff */
}

/* A general call reaches the connected cages and is counted by the bus. */
static void mux_test_general_call(struct kunit *test)
{
	struct sff8472_emul_bus_stats st;
	struct sff8472_emul_bus *bus;
	struct i2c_adapter *a;
	u8 gc[2] = { 0x04, 0x00 };	/* address change: A0h */
	struct i2c_msg msg = { .addr = 0x00, .len = 2, .buf = gc };

	bus = sff8472_emul_bus_kunit_create(test, SFF8472_EMUL_I2C, 0, BIT(0));
	a = sff8472_emul_bus_adapter(bus);
	cage(test, bus, MUX0, 1, "addr-change");

	/* Nothing connected: S, 0x00 + NACK, P = 11 bits. */
	KUNIT_EXPECT_EQ(test, -ENXIO, i2c_transfer(a, &msg, 1));
	KUNIT_ASSERT_EQ(test, 0, select_chan(a, MUX0, BIT(1)));
	/* The address-change module ACKs it: S A C D P = 29 bits. */
	KUNIT_EXPECT_EQ(test, 1, i2c_transfer(a, &msg, 1));
	sff8472_emul_bus_get_stats(bus, &st);
	KUNIT_EXPECT_EQ(test, 2, st.bus.general_calls);
	KUNIT_EXPECT_EQ(test, 1, st.bus.nacks);
	KUNIT_EXPECT_EQ(test, 11 + 20 + 29, st.bus.bits);
}

static void mux_unregister_client(void *client)
{
	i2c_unregister_device(client);
}

/*
 * Linux's own i2c-mux-pca954x driver binds to the emulated switch and its
 * channel adapters reach the cages, each transfer preceded by a channel
 * select when the channel changes (idle state "as is").
 */
static void mux_test_pca954x_driver(struct kunit *test)
{
	struct i2c_board_info info = { I2C_BOARD_INFO("pca9548", MUX0) };
	struct sff8472_emul_bus_stats st;
	struct sff8472_emul_bus *bus;
	struct i2c_mux_core *muxc;
	struct i2c_client *client;
	u8 *internal, buf[16];

	if (!IS_ENABLED(CONFIG_I2C_MUX_PCA954x))
		kunit_skip(test, "CONFIG_I2C_MUX_PCA954x is not built in");
	internal = profile(test, "internal");
	bus = sff8472_emul_bus_kunit_create(test, SFF8472_EMUL_I2C, 0, BIT(0));
	cage(test, bus, MUX0, 6, "internal");
	client = i2c_new_client_device(sff8472_emul_bus_adapter(bus), &info);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, client);
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, mux_unregister_client,
						  client));
	muxc = i2c_get_clientdata(client);
	KUNIT_ASSERT_NOT_NULL(test, muxc);
	KUNIT_ASSERT_EQ(test, 8, muxc->num_adapters);
	sff8472_emul_bus_reset_stats(bus);

	KUNIT_ASSERT_EQ(test, 0, rd(muxc->adapter[6], A0, 20, buf, 16));
	KUNIT_EXPECT_MEMEQ(test, buf, internal + 20, 16);
	KUNIT_EXPECT_EQ(test, BIT(6), sff8472_emul_bus_control(bus, MUX0));
	/* The same channel again: no select. Another one: a select. */
	KUNIT_ASSERT_EQ(test, 0, rd(muxc->adapter[6], A0, 20, buf, 16));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(muxc->adapter[2], A0, 20, buf, 16));
	KUNIT_EXPECT_EQ(test, BIT(2), sff8472_emul_bus_control(bus, MUX0));
	sff8472_emul_bus_get_stats(bus, &st);
	/* 2 selects (20 bits), 2 reads (174), 1 NACK at the address (11) */
	KUNIT_EXPECT_EQ(test, 5, st.bus.transactions);
	KUNIT_EXPECT_EQ(test, 2, st.mux_transactions);
	KUNIT_EXPECT_EQ(test, 1, st.bus.nacks);
	KUNIT_EXPECT_EQ(test, 2 * 20 + 2 * 174 + 11, st.bus.bits);
}

static struct kunit_case sff8472_emul_mux_cases[] = {
	KUNIT_CASE(mux_test_control_register),
	KUNIT_CASE(mux_test_routing),
	KUNIT_CASE(mux_test_accounting),
	KUNIT_CASE(mux_test_wired_and),
	KUNIT_CASE(mux_test_wired_and_i2c),
	KUNIT_CASE(mux_test_general_call),
	KUNIT_CASE(mux_test_pca954x_driver),
	{}
};

static struct kunit_suite sff8472_emul_mux_suite = {
	.name = "sff8472_emul_mux",
	.test_cases = sff8472_emul_mux_cases,
};

kunit_test_suite(sff8472_emul_mux_suite);

MODULE_DESCRIPTION("KUnit tests for the emulated PCA9548 switches");
MODULE_LICENSE("GPL");
