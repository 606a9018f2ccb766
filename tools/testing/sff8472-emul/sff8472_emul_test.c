// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the SFF-8472 transceiver emulator.
 *
 * Every expected number is derived by hand in the comments: bit counts from
 * the I2C/SMBus frame formats, byte values from SFF-8472 rev 11.0 tables
 * and from the profile constants documented in sff8472_emul.c.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/mount.h>
#include <linux/uaccess.h>
#include <linux/i2c.h>
#include <linux/kthread.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>

#include "sff8472_emul.h"

#define A0	0x50
#define A2	0x51

/* Bus time at 100 kHz: 10 us = 10000 ns per bit. */
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

/* I2C write: S, addr+W, buf[0] (offset), buf[1..], P. */
static int wr(struct i2c_adapter *a, u16 addr, const u8 *buf, u16 len)
{
	struct i2c_msg msg = { .addr = addr, .len = len, .buf = (u8 *)buf };
	int ret = i2c_transfer(a, &msg, 1);

	return ret == 1 ? 0 : ret < 0 ? ret : -EIO;
}

static int rd_byte(struct i2c_adapter *a, u16 addr, u8 off)
{
	union i2c_smbus_data d;
	int ret;

	ret = i2c_smbus_xfer(a, addr, 0, I2C_SMBUS_READ, off,
			     I2C_SMBUS_BYTE_DATA, &d);
	return ret < 0 ? ret : d.byte;
}

static int wr_byte(struct i2c_adapter *a, u16 addr, u8 off, u8 val)
{
	union i2c_smbus_data d = { .byte = val };

	return i2c_smbus_xfer(a, addr, 0, I2C_SMBUS_WRITE, off,
			      I2C_SMBUS_BYTE_DATA, &d);
}

static struct sff8472_emul *make(struct kunit *test,
				 enum sff8472_emul_mode mode, const char *prof)
{
	struct sff8472_emul *e = sff8472_emul_kunit_create(test, mode, 0);

	if (prof)
		KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(e, prof));
	return e;
}

static void set_live(struct kunit *test, struct sff8472_emul *e,
		     enum sff8472_channel ch, u16 raw)
{
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_set_live(e, ch, raw));
}

static void set_drift(struct kunit *test, struct sff8472_emul *e,
		      enum sff8472_channel ch, s16 step, u16 min, u16 max)
{
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_set_drift(e, ch, step, min, max));
}

static u8 sum(const u8 *p, int n)
{
	u8 s = 0;

	while (n--)
		s += *p++;
	return s;
}

/* A made-up "dump" with everything a replay must keep: flags, status, junk. */
static void fill_dump(u8 *img)
{
	int i;

	for (i = 0; i < 512; i++)
		img[i] = (i * 37 + 11) & 0xff;
	img[0] = 0x03;
	img[92] = 0x68;		/* DDM, internal: no address change */
	img[93] = 0xf0;		/* flags advertised */
	img[256 + 110] = 0x07;	/* TX_FAULT, RX_LOS, Data_Ready_Bar */
	img[256 + 112] = 0xa5;	/* flags that do not match the values */
	img[256 + 118] = 0x0a;
}

/* ------------------------------------------------------------------ */

static void emul_test_profiles(struct kunit *test)
{
	static const char * const names[] = {
		SFF8472_EMUL_PROFILE_INTERNAL, SFF8472_EMUL_PROFILE_EXTERNAL,
		SFF8472_EMUL_PROFILE_COPPER, SFF8472_EMUL_PROFILE_ADDR_CHANGE,
	};
	static const int sizes[] = { 512, 512, 256, 512 };
	/* A0h byte 92: 0x40 DDM, 0x20 internal, 0x10 external, 0x04 addr */
	static const u8 diag[] = { 0x68, 0x58, 0x00, 0x6c };
	u8 *img = kunit_kzalloc(test, 512, GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, img);
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		KUNIT_EXPECT_EQ(test, sizes[i],
				sff8472_emul_profile_image(names[i], img, 512));
		KUNIT_EXPECT_EQ(test, img[0], 0x03);
		KUNIT_EXPECT_EQ(test, img[92], diag[i]);
		KUNIT_EXPECT_EQ(test, img[63], sum(img, 63));
		KUNIT_EXPECT_EQ(test, img[95], sum(img + 64, 31));
		if (sizes[i] == 512)
			KUNIT_EXPECT_EQ(test, img[256 + 95], sum(img + 256, 95));
	}
	KUNIT_EXPECT_EQ(test, 0, sff8472_emul_profile_image("empty", img, 512));
	KUNIT_EXPECT_EQ(test, -ENOENT, sff8472_emul_profile_image("x", img, 0));

	/* external: Table 3.16 constants, see the comment in the emulator */
	KUNIT_ASSERT_EQ(test, 512,
			sff8472_emul_profile_image("external", img, 512));
	{
		static const u8 cal[36] = {
			0x26, 0x80, 0, 0,	/* Rx_PWR(4) 2^-50 */
			0xaf, 0x00, 0, 0,	/* Rx_PWR(3) -2^-33 */
			0x37, 0x00, 0, 0,	/* Rx_PWR(2) 2^-17 */
			0x3f, 0x60, 0, 0,	/* Rx_PWR(1) 0.875 */
			0xc0, 0x40, 0, 0,	/* Rx_PWR(0) -3.0 */
			0x01, 0x40, 0xff, 0x9c,	/* Tx_I 1.25, -100 */
			0x00, 0xf0, 0xff, 0xce,	/* Tx_PWR 0.9375, -50 */
			0x00, 0x80, 0xf6, 0x00,	/* T 0.5, -2560 */
			0x01, 0x10, 0xff, 0x9c,	/* V 1.0625, -100 */
		};

		KUNIT_EXPECT_MEMEQ(test, img + 256 + 56, cal, sizeof(cal));
	}
}

/* A 512-byte dump is served byte for byte, over I2C and byte by byte. */
static void emul_test_roundtrip(struct kunit *test)
{
	static const enum sff8472_emul_mode modes[] = {
		SFF8472_EMUL_I2C, SFF8472_EMUL_SMBUS_BLOCK,
		SFF8472_EMUL_SMBUS_WORD, SFF8472_EMUL_SMBUS_BYTE,
	};
	u8 *dump = kunit_kzalloc(test, 512, GFP_KERNEL);
	u8 *got = kunit_kzalloc(test, 512, GFP_KERNEL);
	int m, i, pass;

	KUNIT_ASSERT_NOT_NULL(test, dump);
	KUNIT_ASSERT_NOT_NULL(test, got);
	fill_dump(dump);
	for (m = 0; m < ARRAY_SIZE(modes); m++) {
		struct sff8472_emul *e = make(test, modes[m], NULL);
		struct i2c_adapter *a = sff8472_emul_adapter(e);

		KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_image(e, dump, 512));
		for (pass = 0; pass < 2; pass++) {	/* no drift between */
			memset(got, 0, 512);
			if (modes[m] == SFF8472_EMUL_I2C) {
				KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 0, got, 256));
				KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 0, got + 256,
							    256));
			} else {
				for (i = 0; i < 512; i++) {
					int v = rd_byte(a, i < 256 ? A0 : A2,
							i & 0xff);

					KUNIT_ASSERT_GE(test, v, 0);
					got[i] = v;
				}
			}
			KUNIT_EXPECT_MEMEQ(test, got, dump, 512);
		}
		KUNIT_EXPECT_EQ(test, 512, sff8472_emul_read_image(e, got, 512));
		KUNIT_EXPECT_MEMEQ(test, got, dump, 512);
	}
}

static void emul_test_a0_only_and_empty(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, NULL);
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	u8 buf[16];

	/* a fresh cage is empty */
	KUNIT_EXPECT_FALSE(test, sff8472_emul_present(e));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A0, 0, buf, 1));
	KUNIT_EXPECT_EQ(test, -ENODEV, sff8472_emul_insert(e));

	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(e, "copper"));
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 11));
	KUNIT_EXPECT_MEMEQ(test, buf, "EMUL CABLES", 11);
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A2, 0, buf, 1));
	KUNIT_EXPECT_EQ(test, 256, sff8472_emul_read_image(e, buf, 0));

	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(e, "empty"));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A0, 0, buf, 1));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A2, 0, buf, 1));
	KUNIT_EXPECT_EQ(test, 0, sff8472_emul_read_image(e, buf, 16));

	KUNIT_EXPECT_EQ(test, -EINVAL, sff8472_emul_load_image(e, buf, 16));
}

static void emul_test_hotplug(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	u8 pn[10];

	KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 40, pn, 10));
	KUNIT_EXPECT_MEMEQ(test, pn, "EMU-10G-SR", 10);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(e, "external"));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 40, pn, 10));
	KUNIT_EXPECT_MEMEQ(test, pn, "EMU-1G-LX1", 10);

	sff8472_emul_remove(e);
	KUNIT_EXPECT_FALSE(test, sff8472_emul_present(e));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A0, 40, pn, 1));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A2, 0, pn, 1));
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(e));
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 40, pn, 10));
	KUNIT_EXPECT_MEMEQ(test, pn, "EMU-1G-LX1", 10);
}

/* Accounting of I2C transfers, hand-counted bits. */
static void emul_test_bus_time_i2c(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	struct sff8472_emul_stats st;
	u8 buf[20] = { 128, 1, 2 };

	sff8472_emul_set_write_cycle(e, 0);
	/* S 1 + addr 9 + offset 9 + Sr 1 + addr 9 + 16 * 9 + P 1 = 174 */
	KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 0, buf, 16));
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 1);
	KUNIT_EXPECT_EQ(test, st.bytes_read, 16);
	KUNIT_EXPECT_EQ(test, st.bytes_written, 1);
	KUNIT_EXPECT_EQ(test, st.bits, 174);
	KUNIT_EXPECT_EQ(test, st.bus_time_ns, 1740000);
	KUNIT_EXPECT_EQ(test, st.nacks, 0);

	sff8472_emul_reset_stats(e);
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.transactions + st.bits + st.bytes_read, 0);

	/* write offset + 2 bytes: S 1 + addr 9 + 3 * 9 + P 1 = 38 */
	buf[0] = 128;
	KUNIT_ASSERT_EQ(test, 0, wr(a, A2, buf, 3));
	/* NACKed address: S 1 + addr 9 (NACK) + P 1 = 11 */
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, 0x52, 0, buf, 4));
	/* current-address read of 1 byte: S 1 + addr 9 + 9 + P 1 = 20 */
	{
		struct i2c_msg msg = { .addr = A0, .flags = I2C_M_RD,
				       .len = 1, .buf = buf };

		KUNIT_EXPECT_EQ(test, 1, i2c_transfer(a, &msg, 1));
	}
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 3);
	KUNIT_EXPECT_EQ(test, st.bits, 38 + 11 + 20);
	KUNIT_EXPECT_EQ(test, st.bus_time_ns, NS(69));
	KUNIT_EXPECT_EQ(test, st.bytes_written, 3);
	KUNIT_EXPECT_EQ(test, st.bytes_read, 1);
	KUNIT_EXPECT_EQ(test, st.nacks, 1);

	/* SMBus calls emulated by the I2C core cost the same bits */
	sff8472_emul_reset_stats(e);
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));		/* 39 */
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.bits, 39);
}

/* Accounting of each SMBus protocol on an SMBus-block adapter. */
static void emul_test_bus_time_smbus(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_SMBUS_BLOCK,
				      "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	struct sff8472_emul_stats st;
	union i2c_smbus_data d;
	u64 bits = 0;

	sff8472_emul_set_write_cycle(e, 0);
	/* read byte data: S + addr + cmd + Sr + addr + data + P = 1+9+9+1+9+9+1 */
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	bits += 39;
	/* read word: one more data byte = 48; bytes 96-97 = 0x22 0x60 */
	KUNIT_EXPECT_EQ(test, 0, i2c_smbus_xfer(a, A2, 0, I2C_SMBUS_READ, 96,
						I2C_SMBUS_WORD_DATA, &d));
	KUNIT_EXPECT_EQ(test, d.word, 0x6022);	/* first byte is the LSB */
	bits += 48;
	/* I2C block read of 8: 1+9+9+1+9+8*9+1 = 102 */
	d.block[0] = 8;
	KUNIT_EXPECT_EQ(test, 0, i2c_smbus_xfer(a, A0, 0, I2C_SMBUS_READ, 20,
						I2C_SMBUS_I2C_BLOCK_DATA, &d));
	KUNIT_EXPECT_MEMEQ(test, &d.block[1], "EMUL OPT", 8);
	bits += 102;
	/* receive byte (current address, here 28): 1+9+9+1 = 20 */
	KUNIT_EXPECT_EQ(test, 0, i2c_smbus_xfer(a, A0, 0, I2C_SMBUS_READ, 0,
						I2C_SMBUS_BYTE, &d));
	KUNIT_EXPECT_EQ(test, d.byte, 'I');	/* "EMUL OPTICS"[8] */
	bits += 20;
	/* send byte (sets the pointer): 20 */
	KUNIT_EXPECT_EQ(test, 0, i2c_smbus_xfer(a, A0, 0, I2C_SMBUS_WRITE, 0,
						I2C_SMBUS_BYTE, NULL));
	bits += 20;
	/* write byte data: 1+9+9+9+1 = 29 */
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 200, 0x5a));
	bits += 29;
	/* write word data: 38 */
	d.word = 0x1234;
	KUNIT_EXPECT_EQ(test, 0, i2c_smbus_xfer(a, A2, 0, I2C_SMBUS_WRITE, 136,
						I2C_SMBUS_WORD_DATA, &d));
	bits += 38;
	/* I2C block write of 4: 1+9+9+4*9+1 = 56 */
	d.block[0] = 4;
	memcpy(&d.block[1], "abcd", 4);
	KUNIT_EXPECT_EQ(test, 0, i2c_smbus_xfer(a, A2, 0, I2C_SMBUS_WRITE, 144,
						I2C_SMBUS_I2C_BLOCK_DATA, &d));
	bits += 56;
	/* NACKed address on a read byte data: 1 + 9 + 1 = 11 */
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, 0x53, 0));
	bits += 11;

	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 9);
	KUNIT_EXPECT_EQ(test, st.bits, bits);
	KUNIT_EXPECT_EQ(test, bits, 363);
	KUNIT_EXPECT_EQ(test, st.bus_time_ns, NS(363));
	/* read: 1 + 2 + 8 + 1; written (command bytes included): 1 + 1 + 1 +
	 * 0 + 1 + 2 + 3 + 5, nothing after the NACKed address
	 */
	KUNIT_EXPECT_EQ(test, st.bytes_read, 12);
	KUNIT_EXPECT_EQ(test, st.bytes_written, 14);
	KUNIT_EXPECT_EQ(test, st.nacks, 1);

	/* what was written is there (word LSB first) */
	KUNIT_EXPECT_EQ(test, 0x5a, rd_byte(a, A2, 200));
	KUNIT_EXPECT_EQ(test, 0x34, rd_byte(a, A2, 136));
	KUNIT_EXPECT_EQ(test, 0x12, rd_byte(a, A2, 137));
	KUNIT_EXPECT_EQ(test, 'd', rd_byte(a, A2, 147));
}

static void emul_test_functionality(struct kunit *test)
{
	static const struct {
		enum sff8472_emul_mode mode;
		u32 func;
	} cases[] = {
		{ SFF8472_EMUL_I2C, I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL },
		{ SFF8472_EMUL_SMBUS_BLOCK, I2C_FUNC_SMBUS_BYTE |
			I2C_FUNC_SMBUS_BYTE_DATA | I2C_FUNC_SMBUS_WORD_DATA |
			I2C_FUNC_SMBUS_I2C_BLOCK },
		{ SFF8472_EMUL_SMBUS_WORD, I2C_FUNC_SMBUS_BYTE_DATA |
			I2C_FUNC_SMBUS_WORD_DATA },
		{ SFF8472_EMUL_SMBUS_BYTE, I2C_FUNC_SMBUS_BYTE |
			I2C_FUNC_SMBUS_BYTE_DATA },
	};
	union i2c_smbus_data d;
	int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct sff8472_emul *e = make(test, cases[i].mode, "internal");
		struct i2c_adapter *a = sff8472_emul_adapter(e);
		struct sff8472_emul_stats st;
		u8 b;

		KUNIT_EXPECT_EQ(test, i2c_get_functionality(a), cases[i].func);
		KUNIT_EXPECT_EQ(test, sff8472_emul_get_mode(e), cases[i].mode);
		if (cases[i].mode != SFF8472_EMUL_I2C)
			KUNIT_EXPECT_EQ(test, -EOPNOTSUPP, rd(a, A0, 0, &b, 1));
		if (!(cases[i].func & I2C_FUNC_SMBUS_WORD_DATA))
			KUNIT_EXPECT_EQ(test, -EOPNOTSUPP,
					i2c_smbus_xfer(a, A0, 0, I2C_SMBUS_READ,
						       0, I2C_SMBUS_WORD_DATA,
						       &d));
		if (!(cases[i].func & I2C_FUNC_SMBUS_I2C_BLOCK)) {
			d.block[0] = 4;
			KUNIT_EXPECT_EQ(test, -EOPNOTSUPP,
					i2c_smbus_xfer(a, A0, 0, I2C_SMBUS_READ,
						       0,
						       I2C_SMBUS_I2C_BLOCK_DATA,
						       &d));
		}
		/* refused before reaching the bus: nothing accounted */
		sff8472_emul_get_stats(e, &st);
		KUNIT_EXPECT_EQ(test, st.transactions, 0);
		KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	}
	KUNIT_EXPECT_STREQ(test, "smbus-word",
			   sff8472_emul_mode_name(SFF8472_EMUL_SMBUS_WORD));
}

static void emul_test_max_len(struct kunit *test)
{
	struct sff8472_emul *e = sff8472_emul_kunit_create(test,
							  SFF8472_EMUL_I2C, 16);
	struct sff8472_emul *s = sff8472_emul_kunit_create(test,
						SFF8472_EMUL_SMBUS_BLOCK, 16);
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	struct sff8472_emul_stats st;
	union i2c_smbus_data d;
	u8 buf[17];

	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(e, "internal"));
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(s, "internal"));
	KUNIT_ASSERT_NOT_NULL(test, a->quirks);
	KUNIT_EXPECT_EQ(test, a->quirks->max_read_len, 16);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 16));
	KUNIT_EXPECT_EQ(test, -EOPNOTSUPP, rd(a, A0, 20, buf, 17));
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 1);

	d.block[0] = 17;
	KUNIT_EXPECT_EQ(test, -EOPNOTSUPP,
			i2c_smbus_xfer(sff8472_emul_adapter(s), A0, 0,
				       I2C_SMBUS_READ, 0,
				       I2C_SMBUS_I2C_BLOCK_DATA, &d));
	d.block[0] = 16;
	KUNIT_EXPECT_EQ(test, 0,
			i2c_smbus_xfer(sff8472_emul_adapter(s), A0, 0,
				       I2C_SMBUS_READ, 20,
				       I2C_SMBUS_I2C_BLOCK_DATA, &d));
}

/* MSB and LSB of one field read in separate transactions across an update. */
static void emul_test_torn_read(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	struct sff8472_emul_stats st;
	u8 msb, lsb, both[2];

	set_live(test, e, SFF8472_TEMP, 0x01ff);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 96, &msb, 1));
	set_live(test, e, SFF8472_TEMP, 0x0200);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 97, &lsb, 1));
	/* 0x01 from before, 0x00 from after: 0x0100 never existed */
	KUNIT_EXPECT_EQ(test, msb, 0x01);
	KUNIT_EXPECT_EQ(test, lsb, 0x00);
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.torn_reads, 1);

	/* one transaction for both bytes: coherent */
	set_live(test, e, SFF8472_TEMP, 0x02ff);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 96, both, 2));
	KUNIT_EXPECT_EQ(test, both[0], 0x02);
	KUNIT_EXPECT_EQ(test, both[1], 0xff);
	/* separate transactions without an update: coherent */
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 96, &msb, 1));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 97, &lsb, 1));
	/* an update that only changes the LSB: MSB old + LSB new = new value */
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 98, &msb, 1));
	set_live(test, e, SFF8472_VCC, 0x8122);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 99, &lsb, 1));
	KUNIT_EXPECT_EQ(test, (msb << 8) | lsb, 0x8122);
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.torn_reads, 1);

	/* LSB first, then MSB after an update: 0x10ff -> 0x1100, sees 0x11ff */
	set_live(test, e, SFF8472_RX_POWER, 0x10ff);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 105, &lsb, 1));
	set_live(test, e, SFF8472_RX_POWER, 0x1100);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 104, &msb, 1));
	KUNIT_EXPECT_EQ(test, (msb << 8) | lsb, 0x11ff);
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.torn_reads, 2);
}

/* A byte-only host with values drifting after every transaction. */
static void emul_test_torn_read_drift(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_SMBUS_BYTE,
				      "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	struct sff8472_emul_stats st;
	int msb, lsb;

	set_live(test, e, SFF8472_BIAS, 0x00ff);
	set_drift(test, e, SFF8472_BIAS, 1, 0, 0x7fff);
	sff8472_emul_set_update_rate(e, 1, 0);
	msb = rd_byte(a, A2, 100);	/* 0x00, then bias becomes 0x0100 */
	lsb = rd_byte(a, A2, 101);	/* 0x00, then 0x0101 */
	KUNIT_EXPECT_EQ(test, msb, 0x00);
	KUNIT_EXPECT_EQ(test, lsb, 0x00);	/* 0x0000: never existed */
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.torn_reads, 1);
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_live(e, SFF8472_BIAS), 0x0101);
}

static void emul_test_drift(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");

	/* temperature starts at 0x2260 */
	set_drift(test, e, SFF8472_TEMP, 0x100, 0x2000, 0x2400);
	sff8472_emul_update(e);
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_live(e, SFF8472_TEMP), 0x2360);
	sff8472_emul_update(e);		/* 0x2460 > max: clamp, turn back */
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_live(e, SFF8472_TEMP), 0x2400);
	sff8472_emul_update(e);
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_live(e, SFF8472_TEMP), 0x2300);

	/* signed range for temperature: -2 .. +2 degC around 0 */
	set_live(test, e, SFF8472_TEMP, 0);
	set_drift(test, e, SFF8472_TEMP, -0x100, 0xfe00, 0x0200);
	sff8472_emul_update(e);		/* -1 degC */
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_live(e, SFF8472_TEMP), 0xff00);
	sff8472_emul_update(e);		/* -2 degC: at min, turns back */
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_live(e, SFF8472_TEMP), 0xfe00);
	sff8472_emul_update(e);
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_live(e, SFF8472_TEMP), 0xff00);
	KUNIT_EXPECT_EQ(test, -EINVAL,
			sff8472_emul_set_drift(e, SFF8472_TEMP, 1, 0x0200, 0xfe00));

	/* periodic updates from a work item */
	set_drift(test, e, SFF8472_VCC, 1, 0, 0xffff);
	sff8472_emul_set_update_rate(e, 0, 5);
	sff8472_emul_run_periodic(e);
	sff8472_emul_set_update_rate(e, 0, 0);
	KUNIT_EXPECT_GT(test, sff8472_emul_get_live(e, SFF8472_VCC), 0x8121);
}

static void emul_test_flags_nonlatched(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	u8 f[6];

	/* 0x5000 = 80 degC > high alarm 78 (0x4e00) and warning 73 */
	set_live(test, e, SFF8472_TEMP, 0x5000);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 112, f, 6));
	KUNIT_EXPECT_EQ(test, f[0], 0x80);	/* 112 bit 7 */
	KUNIT_EXPECT_EQ(test, f[4], 0x80);	/* 116 bit 7 */
	/* 0xf000 = -16 degC < low alarm -13 (0xf300): signed compare */
	set_live(test, e, SFF8472_TEMP, 0xf000);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 112, f, 6));
	KUNIT_EXPECT_EQ(test, f[0], 0x40);
	KUNIT_EXPECT_EQ(test, f[4], 0x40);
	/* -10 degC (0xf600): only the low warning (-8) */
	set_live(test, e, SFF8472_TEMP, 0xf600);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 112, f, 6));
	KUNIT_EXPECT_EQ(test, f[0], 0x00);
	KUNIT_EXPECT_EQ(test, f[4], 0x40);
	/* RX 0x0050 = 8 uW: below low alarm 10 uW (0x64) -> 113/117 bit 6 */
	set_live(test, e, SFF8472_TEMP, 0x2260);
	set_live(test, e, SFF8472_RX_POWER, 0x0050);
	/* Vcc 0x9100 = 3.7120 V > 3.7 V high alarm -> 112 bit 5, 116 bit 5 */
	set_live(test, e, SFF8472_VCC, 0x9100);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 112, f, 6));
	KUNIT_EXPECT_EQ(test, f[0], 0x20);
	KUNIT_EXPECT_EQ(test, f[1], 0x40);
	KUNIT_EXPECT_EQ(test, f[4], 0x20);
	KUNIT_EXPECT_EQ(test, f[5], 0x40);
	/* back to normal: non-latched flags clear at once */
	set_live(test, e, SFF8472_VCC, 0x8121);
	set_live(test, e, SFF8472_RX_POWER, 0x0c5a);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 112, f, 6));
	KUNIT_EXPECT_EQ(test, f[0] | f[1] | f[4] | f[5], 0);
}

static void emul_test_flags_latched(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "external");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	u8 f[6];

	/* RX raw 0x0010 < low alarm 0x0014 and low warning 0x0028 */
	set_live(test, e, SFF8472_RX_POWER, 0x0010);
	set_live(test, e, SFF8472_RX_POWER, 0x0bb8);
	/* condition gone, flags still latched: the first read shows them */
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 112, f, 6));
	KUNIT_EXPECT_EQ(test, f[1], 0x40);
	KUNIT_EXPECT_EQ(test, f[5], 0x40);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 112, f, 6));
	KUNIT_EXPECT_EQ(test, f[1], 0x00);
	KUNIT_EXPECT_EQ(test, f[5], 0x00);

	/* a condition that persists stays set after reads */
	set_live(test, e, SFF8472_RX_POWER, 0x0010);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 113, f, 1));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 113, f, 1));
	KUNIT_EXPECT_EQ(test, f[0], 0x40);

	/* switched to non-latched: follows at once */
	sff8472_emul_set_latched(e, false);
	set_live(test, e, SFF8472_RX_POWER, 0x0bb8);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 113, f, 1));
	KUNIT_EXPECT_EQ(test, f[0], 0x00);
}

static void emul_test_status(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);

	KUNIT_EXPECT_EQ(test, 0x00, rd_byte(a, A2, 110));
	sff8472_emul_set_pins(e, SFF8472_EMUL_PIN_TX_FAULT |
			      SFF8472_EMUL_PIN_RX_LOS);
	KUNIT_EXPECT_EQ(test, 0x06, rd_byte(a, A2, 110));	/* bits 2, 1 */
	sff8472_emul_set_pins(e, SFF8472_EMUL_PIN_TX_DISABLE |
			      SFF8472_EMUL_PIN_RS0 | SFF8472_EMUL_PIN_RS1);
	KUNIT_EXPECT_EQ(test, 0xb0, rd_byte(a, A2, 110));	/* 7, 5, 4 */
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_pins(e),
			SFF8472_EMUL_PIN_TX_DISABLE | SFF8472_EMUL_PIN_RS0 |
			SFF8472_EMUL_PIN_RS1);
	sff8472_emul_set_pins(e, 0);

	/* Data_Ready_Bar high for 40 ms after insertion */
	sff8472_emul_set_data_ready_delay(e, 40);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(e, "internal"));
	KUNIT_EXPECT_EQ(test, 0x01, rd_byte(a, A2, 110));
	sff8472_emul_skip(e, 60);
	KUNIT_EXPECT_EQ(test, 0x00, rd_byte(a, A2, 110));
	sff8472_emul_remove(e);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(e));
	KUNIT_EXPECT_EQ(test, 0x01, rd_byte(a, A2, 110));
}

static void emul_test_soft_controls(struct kunit *test)
{
	struct sff8472_emul *in = make(test, SFF8472_EMUL_I2C, "internal");
	struct sff8472_emul *ex = make(test, SFF8472_EMUL_I2C, "external");
	struct i2c_adapter *a = sff8472_emul_adapter(in);
	struct i2c_adapter *b = sff8472_emul_adapter(ex);
	u8 tx[2];

	/* internal: A0h[93] = 0xfa advertises soft TX_DISABLE, RS0, RS1 */
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 110, 0xff));
	KUNIT_EXPECT_EQ(test, 0x48, rd_byte(a, A2, 110));	/* bits 6, 3 */
	/* no power level 2 (A0h[64] bit 1 clear): only soft RS1 (bit 3) */
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 118, 0xff));
	KUNIT_EXPECT_EQ(test, 0x08, rd_byte(a, A2, 118));
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 110, 0x00));
	KUNIT_EXPECT_EQ(test, 0x00, rd_byte(a, A2, 110));

	/* a live module with soft TX_DISABLE reports no TX power */
	set_live(test, in, SFF8472_TEMP, 0x2260);
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 110, 0x40));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 102, tx, 2));
	KUNIT_EXPECT_EQ(test, tx[0] | tx[1], 0);
	/* 0 < TX low alarm 0x02e5: 112 bit 0 */
	KUNIT_EXPECT_EQ(test, 0x01, rd_byte(a, A2, 112));
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 110, 0x00));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 102, tx, 2));
	KUNIT_EXPECT_EQ(test, (tx[0] << 8) | tx[1], 0x15f7);

	/* external: A0h[93] = 0x80, nothing soft; A0h[64] bit 1: power level */
	KUNIT_EXPECT_EQ(test, 0, wr_byte(b, A2, 110, 0xff));
	KUNIT_EXPECT_EQ(test, 0x00, rd_byte(b, A2, 110));
	KUNIT_EXPECT_EQ(test, 0, wr_byte(b, A2, 118, 0x01));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(b, A2, 118));	/* select+state */
	KUNIT_EXPECT_EQ(test, 0, wr_byte(b, A2, 118, 0x00));
	KUNIT_EXPECT_EQ(test, 0x00, rd_byte(b, A2, 118));

	/* power-up defaults come back on re-insertion */
	KUNIT_EXPECT_EQ(test, 0, wr_byte(b, A2, 118, 0x01));
	sff8472_emul_remove(ex);
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(ex));
	KUNIT_EXPECT_EQ(test, 0x00, rd_byte(b, A2, 118));
}

static void emul_test_write_refusal(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	struct sff8472_emul_stats st;
	u8 *before = kunit_kzalloc(test, 512, GFP_KERNEL);
	u8 *after = kunit_kzalloc(test, 512, GFP_KERNEL);
	static const u8 w_a0[] = { 20, 'X', 'Y' };
	static const u8 w_a2[] = { 96, 0x12, 0x34, 0x56 };
	static const u8 w_thr[] = { 0, 0x00, 0x00 };

	KUNIT_ASSERT_NOT_NULL(test, before);
	KUNIT_ASSERT_NOT_NULL(test, after);
	sff8472_emul_read_image(e, before, 512);
	/* A0h: the offset byte is ACKed, the first data byte NACKed */
	KUNIT_EXPECT_EQ(test, -EIO, wr(a, A0, w_a0, sizeof(w_a0)));
	sff8472_emul_get_stats(e, &st);
	/* S 1 + addr 9 + offset 9 + data 9 (NACK) + P 1 = 29 */
	KUNIT_EXPECT_EQ(test, st.bits, 29);
	KUNIT_EXPECT_EQ(test, st.nacks, 1);
	KUNIT_EXPECT_EQ(test, -EIO, wr_byte(a, A0, 0, 0x00));
	/* A2h read-only bytes: ACKed and ignored */
	KUNIT_EXPECT_EQ(test, 0, wr(a, A2, w_a2, sizeof(w_a2)));
	KUNIT_EXPECT_EQ(test, 0, wr(a, A2, w_thr, sizeof(w_thr)));
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 95, 0x00));
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 250, 0x00));
	sff8472_emul_read_image(e, after, 512);
	KUNIT_EXPECT_MEMEQ(test, before, after, 512);
}

static void emul_test_user_eeprom(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	static const u8 page[] = { 128, 1, 2, 3, 4, 5, 6, 7, 8 };
	/* 10 bytes from 132 wrap inside page 128-135 */
	static const u8 wrap[] = { 132, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h',
				   'i', 'j' };
	/* 132 a, 133 b, 134 c, 135 d, 128 e, 129 f, 130 g, 131 h, 132 i,
	 * 133 j: final 128..135 = e f g h i j c d
	 */
	static const u8 expect[] = { 'e', 'f', 'g', 'h', 'i', 'j', 'c', 'd',
				     0, 0 };
	ktime_t start;
	u8 buf[10];
	int i;

	sff8472_emul_set_write_cycle(e, 0);
	KUNIT_ASSERT_EQ(test, 0, wr(a, A2, page, sizeof(page)));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 128, buf, 8));
	KUNIT_EXPECT_MEMEQ(test, buf, page + 1, 8);
	KUNIT_ASSERT_EQ(test, 0, wr(a, A2, wrap, sizeof(wrap)));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 128, buf, 10));
	KUNIT_EXPECT_MEMEQ(test, buf, expect, 10);
	/* 247 is writable, 248 is not */
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 247, 0x77));
	KUNIT_EXPECT_EQ(test, 0, wr_byte(a, A2, 248, 0x77));
	KUNIT_EXPECT_EQ(test, 0x77, rd_byte(a, A2, 247));
	KUNIT_EXPECT_EQ(test, 0x00, rd_byte(a, A2, 248));

	/* write cycle: both addresses NACK for 30 ms after the STOP */
	sff8472_emul_set_write_cycle(e, 30000);
	start = ktime_get();
	KUNIT_ASSERT_EQ(test, 0, wr_byte(a, A2, 140, 0x42));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A2, 140));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 0));
	/* @i ms of the module's time pass, a millisecond at a time */
	for (i = 0; i < 200 && rd_byte(a, A2, 140) < 0; i++)
		sff8472_emul_skip(e, 1);
	KUNIT_EXPECT_GE(test, i + ktime_ms_delta(ktime_get(), start), 30);
	KUNIT_EXPECT_EQ(test, 0x42, rd_byte(a, A2, 140));
	/* writes to read-only bytes start no write cycle */
	KUNIT_ASSERT_EQ(test, 0, wr_byte(a, A2, 96, 0x42));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
}

static void emul_test_addr_change(struct kunit *test)
{
	static const enum sff8472_emul_mode modes[] = {
		SFF8472_EMUL_I2C, SFF8472_EMUL_SMBUS_BYTE,
	};
	int m;

	for (m = 0; m < ARRAY_SIZE(modes); m++) {
		struct sff8472_emul *e = make(test, modes[m], "addr-change");
		struct i2c_adapter *a = sff8472_emul_adapter(e);

		/* after insertion the module answers as A0h only */
		KUNIT_EXPECT_EQ(test, 0x6c, rd_byte(a, A0, 92));
		KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A2, 96));
		/* general call: 04h, then XXXXXX10b selects A2h */
		KUNIT_EXPECT_EQ(test, 0, wr_byte(a, 0x00, 0x04, 0xfe));
		KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 92));
		KUNIT_EXPECT_EQ(test, 0x1d, rd_byte(a, A2, 96));
		/* XXXXXX00b: back to A0h */
		KUNIT_EXPECT_EQ(test, 0, wr_byte(a, 0x00, 0x04, 0x00));
		KUNIT_EXPECT_EQ(test, 0x6c, rd_byte(a, A0, 92));
		KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A2, 96));
		/* a command other than 04h is NACKed */
		KUNIT_EXPECT_EQ(test, -EIO, wr_byte(a, 0x00, 0x05, 0x02));
		KUNIT_EXPECT_EQ(test, 0x6c, rd_byte(a, A0, 92));
		/* a re-insertion starts at A0h again */
		KUNIT_EXPECT_EQ(test, 0, wr_byte(a, 0x00, 0x04, 0x02));
		sff8472_emul_remove(e);
		KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(e));
		KUNIT_EXPECT_EQ(test, 0x6c, rd_byte(a, A0, 92));
	}

	/* a module without A0h[92] bit 2 does not answer the general call */
	{
		struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C,
					      "internal");
		struct i2c_adapter *a = sff8472_emul_adapter(e);

		KUNIT_EXPECT_EQ(test, -ENXIO, wr_byte(a, 0x00, 0x04, 0x02));
		KUNIT_EXPECT_EQ(test, 0x22, rd_byte(a, A2, 96));
		KUNIT_EXPECT_EQ(test, 0x68, rd_byte(a, A0, 92));
	}
}

static void emul_test_faults_nack(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_SMBUS_BYTE,
				      "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	struct sff8472_emul_stats st;

	sff8472_emul_nack_next(e, 2);
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A2, 0));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));

	sff8472_emul_nack_nth(e, 3);
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));

	sff8472_emul_nack_next(e, 5);
	sff8472_emul_clear_faults(e);
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));

	/* 0xFF data: the module ACKs, every byte reads 0xFF */
	sff8472_emul_set_read_ff(e, true);
	KUNIT_EXPECT_EQ(test, 0xff, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0xff, rd_byte(a, A2, 96));
	sff8472_emul_set_read_ff(e, false);
	KUNIT_EXPECT_EQ(test, 0x22, rd_byte(a, A2, 96));

	/* 11 transactions, 3 of them NACKed at the address */
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.nacks, 3);
	KUNIT_EXPECT_EQ(test, st.transactions, 11);
	/* 8 complete read byte data at 39 bits, 3 NACKed at 1 + 9 + 1 = 11 */
	KUNIT_EXPECT_EQ(test, st.bits, 8 * 39 + 3 * 11);
}

static void emul_test_fault_removal(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	static const u8 ff[5] = { 0xff, 0xff, 0xff, 0xff, 0xff };
	static const u8 w[] = { 128, 1, 2, 3, 4 };
	u8 buf[8];

	/* offset (1) + 3 data bytes cross the bus, then the module is gone */
	sff8472_emul_remove_after(e, 4);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 8));
	KUNIT_EXPECT_MEMEQ(test, buf, "EMU", 3);
	KUNIT_EXPECT_MEMEQ(test, buf + 3, ff, 5);
	KUNIT_EXPECT_FALSE(test, sff8472_emul_present(e));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A0, 20, buf, 1));

	/* in the middle of a write: the next byte is NACKed */
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(e));
	sff8472_emul_set_write_cycle(e, 0);
	sff8472_emul_remove_after(e, 3);
	KUNIT_EXPECT_EQ(test, -EIO, wr(a, A2, w, sizeof(w)));
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(e));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 128, buf, 4));
	KUNIT_EXPECT_EQ(test, buf[0], 1);
	KUNIT_EXPECT_EQ(test, buf[1], 2);
	KUNIT_EXPECT_EQ(test, buf[2], 0);

	/* before the 2nd transaction from now: it NACKs at the address */
	sff8472_emul_remove_nth(e, 2);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 3));
	KUNIT_EXPECT_MEMEQ(test, buf, "EMU", 3);
	KUNIT_EXPECT_TRUE(test, sff8472_emul_present(e));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A0, 20, buf, 3));
	KUNIT_EXPECT_FALSE(test, sff8472_emul_present(e));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A0, 20, buf, 3));
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_insert(e));
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 3));
	KUNIT_EXPECT_MEMEQ(test, buf, "EMU", 3);
}

/*
 * 0xFF data at the n-th transaction: that one transaction is ACKed and
 * reads 0xFF; the ones before and after read the image. Accounting as for
 * any read: no NACK.
 */
static void emul_test_fault_ff_nth(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	static const u8 ff[8] = { 0xff, 0xff, 0xff, 0xff,
				  0xff, 0xff, 0xff, 0xff };
	struct sff8472_emul_stats st;
	u8 buf[8];

	sff8472_emul_ff_nth(e, 2);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 8));
	KUNIT_EXPECT_MEMEQ(test, buf, "EMUL OPT", 8);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 8));
	KUNIT_EXPECT_MEMEQ(test, buf, ff, 8);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 8));
	KUNIT_EXPECT_MEMEQ(test, buf, "EMUL OPT", 8);
	KUNIT_EXPECT_TRUE(test, sff8472_emul_present(e));

	/* three write-then-read transfers: 3 offset bytes, 24 data bytes */
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.transactions, 3);
	KUNIT_EXPECT_EQ(test, st.nacks, 0);
	KUNIT_EXPECT_EQ(test, st.bytes_read, 24);
	KUNIT_EXPECT_EQ(test, st.bytes_written, 3);
	KUNIT_EXPECT_EQ(test, st.bits, 3 * (30 + 9 * 8));

	/* A2h byte 96 is 0x22 (34.375 degrees C); one SMBus byte read */
	sff8472_emul_ff_nth(e, 1);
	KUNIT_EXPECT_EQ(test, 0xff, rd_byte(a, A2, 96));
	KUNIT_EXPECT_EQ(test, 0x22, rd_byte(a, A2, 96));

	/* cleared with the other faults */
	sff8472_emul_ff_nth(e, 1);
	sff8472_emul_clear_faults(e);
	KUNIT_EXPECT_EQ(test, 0x22, rd_byte(a, A2, 96));
}

/* CC_DMI of the module in @e: the sum of A2h 0-94 (SFF-8472 8.8). */
static u8 cc_dmi(struct kunit *test, struct sff8472_emul *e)
{
	u8 *img = kunit_kzalloc(test, 512, GFP_KERNEL);
	u8 sum = 0;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, img);
	KUNIT_ASSERT_EQ(test, 512, sff8472_emul_read_image(e, img, 512));
	for (i = 0; i < 95; i++)
		sum += img[256 + i];
	return sum;
}

/*
 * A glitch inside one transfer: in the n-th transaction the data bytes
 * from the k-th on (counted over all read messages) read 0xFF, the module
 * staying in the cage. A0h 20-27 is "EMUL OPT" (vendor name, profile).
 */
static void emul_test_fault_ff_partial(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	static const u8 emu_ff[8] = { 'E', 'M', 'U', 0xff, 0xff, 0xff, 0xff,
				      0xff };
	struct sff8472_emul_stats st;
	u8 off[2] = { 20, 95 }, data[4], proof;
	struct i2c_msg msgs[4] = {
		{ .addr = A0, .len = 1, .buf = &off[0] },
		{ .addr = A0, .flags = I2C_M_RD, .len = 4, .buf = data },
		{ .addr = A2, .len = 1, .buf = &off[1] },
		{ .addr = A2, .flags = I2C_M_RD, .len = 1, .buf = &proof },
	};
	u8 buf[8];

	/* the 2nd transaction from now, from its 4th data byte (k = 3) on */
	sff8472_emul_ff_nth_from(e, 2, 3);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 8));
	KUNIT_EXPECT_MEMEQ(test, buf, "EMUL OPT", 8);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 8));
	KUNIT_EXPECT_MEMEQ(test, buf, emu_ff, 8);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 8));
	KUNIT_EXPECT_MEMEQ(test, buf, "EMUL OPT", 8);
	KUNIT_EXPECT_TRUE(test, sff8472_emul_present(e));
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.faults, 1);
	KUNIT_EXPECT_EQ(test, st.ff_bytes, 5);	/* "L OPT" */
	KUNIT_EXPECT_EQ(test, st.nacks, 0);

	/*
	 * Counted over the messages of one transfer: k = 4 spares the four
	 * bytes of A0h, and the proof byte (A2h 95, CC_DMI) reads 0xFF.
	 */
	sff8472_emul_ff_nth_from(e, 1, 4);
	KUNIT_EXPECT_EQ(test, 4, i2c_transfer(a, msgs, 4));
	KUNIT_EXPECT_MEMEQ(test, data, "EMUL", 4);
	KUNIT_EXPECT_EQ(test, proof, 0xff);
	KUNIT_EXPECT_EQ(test, 4, i2c_transfer(a, msgs, 4));
	KUNIT_EXPECT_EQ(test, proof, cc_dmi(test, e));
	KUNIT_EXPECT_NE(test, proof, 0xff);

	/* k past the last byte changes nothing, but the fault fires */
	sff8472_emul_reset_stats(e);
	sff8472_emul_ff_nth_from(e, 1, 8);
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 20, buf, 8));
	KUNIT_EXPECT_MEMEQ(test, buf, "EMUL OPT", 8);
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.faults, 1);
	KUNIT_EXPECT_EQ(test, st.ff_bytes, 0);
}

/* The same in an SMBus word read: k = 1 is the second byte (A0h 21). */
static void emul_test_fault_ff_partial_word(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_SMBUS_WORD,
				      "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	union i2c_smbus_data d;

	sff8472_emul_ff_nth_from(e, 1, 1);
	KUNIT_EXPECT_EQ(test, 0, i2c_smbus_xfer(a, A0, 0, I2C_SMBUS_READ, 20,
						I2C_SMBUS_WORD_DATA, &d));
	KUNIT_EXPECT_EQ(test, d.word, 0xff00 | 'E');	/* LSB first */
	KUNIT_EXPECT_EQ(test, 0, i2c_smbus_xfer(a, A0, 0, I2C_SMBUS_READ, 20,
						I2C_SMBUS_WORD_DATA, &d));
	KUNIT_EXPECT_EQ(test, d.word, ('M' << 8) | 'E');
}

/*
 * An unstable range: the next N transactions that read any byte of it
 * read those bytes complemented, and only those; transactions that miss
 * it (or read the other page) neither see nor use it up.
 */
static void emul_test_fault_unstable(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	/* A0h 16-19: OM2 80 m, OM1 30 m, OM4 400 m, OM3 300 m; 20-27 */
	static const u8 want[12] = {
		0x08, 0x03, 0x28, 0x1e, 'E' ^ 0xff, 'M' ^ 0xff, 'U' ^ 0xff,
		'L' ^ 0xff, ' ', 'O', 'P', 'T',
	};
	struct sff8472_emul_stats st;
	u8 buf[12];

	KUNIT_EXPECT_EQ(test, 0, sff8472_emul_unstable(e, SFF8472_EMUL_A0,
						       20, 4, 2));
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 16, buf, 12));
	KUNIT_EXPECT_MEMEQ(test, buf, want, 12);
	/* misses the range: not complemented, not counted */
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 24, buf, 4));
	KUNIT_EXPECT_MEMEQ(test, buf, " OPT", 4);
	/*
	 * A2h 20-21 is not A0h 20-21: it is the bias high warning (Table
	 * 3.15), 0x189c (12.6 mA) in the profile
	 */
	KUNIT_EXPECT_EQ(test, 0, rd(a, A2, 20, buf, 2));
	KUNIT_EXPECT_EQ(test, buf[0], 0x18);
	KUNIT_EXPECT_EQ(test, buf[1], 0x9c);
	/* the second transaction that meets it: one byte of it */
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 23, buf, 2));
	KUNIT_EXPECT_EQ(test, buf[0], 'L' ^ 0xff);
	KUNIT_EXPECT_EQ(test, buf[1], ' ');
	/* used up */
	KUNIT_EXPECT_EQ(test, 0, rd(a, A0, 16, buf, 12));
	KUNIT_EXPECT_MEMEQ(test, buf, want, 4);
	KUNIT_EXPECT_MEMEQ(test, buf + 4, "EMUL OPT", 8);
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.faults, 2);
	KUNIT_EXPECT_EQ(test, st.nacks, 0);

	/* A2h live temperature 0x2260, byte by byte: a transaction each */
	e = make(test, SFF8472_EMUL_SMBUS_BYTE, "internal");
	a = sff8472_emul_adapter(e);
	KUNIT_EXPECT_EQ(test, 0, sff8472_emul_unstable(e, SFF8472_EMUL_A2,
						       96, 2, 2));
	KUNIT_EXPECT_EQ(test, 0x22 ^ 0xff, rd_byte(a, A2, 96));
	KUNIT_EXPECT_EQ(test, 0x60 ^ 0xff, rd_byte(a, A2, 97));
	KUNIT_EXPECT_EQ(test, 0x22, rd_byte(a, A2, 96));
	KUNIT_EXPECT_EQ(test, 0x60, rd_byte(a, A2, 97));
	/* cleared with the other faults */
	KUNIT_EXPECT_EQ(test, 0, sff8472_emul_unstable(e, SFF8472_EMUL_A2,
						       95, 1, 5));
	sff8472_emul_clear_faults(e);
	KUNIT_EXPECT_EQ(test, 0x22, rd_byte(a, A2, 96));

	/* ranges outside a page */
	KUNIT_EXPECT_EQ(test, -EINVAL, sff8472_emul_unstable(e, 2, 0, 1, 1));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			sff8472_emul_unstable(e, SFF8472_EMUL_A0, 255, 2, 1));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			sff8472_emul_unstable(e, SFF8472_EMUL_A0, 0, 0, 1));
	KUNIT_EXPECT_EQ(test, 0, sff8472_emul_unstable(e, SFF8472_EMUL_A0,
						       0, 256, 1));
	KUNIT_EXPECT_EQ(test, 0x03 ^ 0xff, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
}

/* An intermittent module: every n-th transaction NACKs until cleared. */
static void emul_test_fault_nack_every(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_SMBUS_BYTE,
				      "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	struct sff8472_emul_stats st;
	int i, got[7];

	sff8472_emul_nack_every(e, 3);
	for (i = 0; i < 7; i++)
		got[i] = rd_byte(a, A0, 0);
	KUNIT_EXPECT_EQ(test, got[0], 0x03);
	KUNIT_EXPECT_EQ(test, got[1], 0x03);
	KUNIT_EXPECT_EQ(test, got[2], -ENXIO);
	KUNIT_EXPECT_EQ(test, got[3], 0x03);
	KUNIT_EXPECT_EQ(test, got[4], 0x03);
	KUNIT_EXPECT_EQ(test, got[5], -ENXIO);
	KUNIT_EXPECT_EQ(test, got[6], 0x03);
	KUNIT_EXPECT_TRUE(test, sff8472_emul_present(e));
	sff8472_emul_get_stats(e, &st);
	KUNIT_EXPECT_EQ(test, st.nacks, 2);
	KUNIT_EXPECT_EQ(test, st.faults, 2);
	/* a new period counts from the call: n = 1 NACKs everything */
	sff8472_emul_nack_every(e, 1);
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 0));
	sff8472_emul_clear_faults(e);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
}

static void emul_test_slow_start(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, NULL);
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	ktime_t start;
	int i;

	sff8472_emul_set_slow_start(e, 40);
	start = ktime_get();
	KUNIT_ASSERT_EQ(test, 0, sff8472_emul_load_profile(e, "internal"));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 0));
	for (i = 0; i < 200 && rd_byte(a, A0, 0) < 0; i++)
		sff8472_emul_skip(e, 1);
	/* NACKed for the 40 ms (of real and skipped time), then answers */
	KUNIT_EXPECT_GE(test, i + ktime_ms_delta(ktime_get(), start), 40);
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
}

struct swap_ctx {
	struct sff8472_emul *e;
	int loops;
};

static int swap_thread(void *data)
{
	struct swap_ctx *c = data;
	int i;

	for (i = 0; i < c->loops; i++) {
		sff8472_emul_load_profile(c->e, i & 1 ? "external" : "copper");
		if (i % 7 == 0)
			sff8472_emul_remove(c->e);
		cond_resched();
	}
	return 0;
}

/* Hot-swap from another thread while the bus is busy. */
static void emul_test_hotswap_concurrent(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, "internal");
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	struct swap_ctx c = { .e = e, .loops = 300 };
	struct task_struct *t;
	int i, ret;
	u8 buf[64];

	t = kthread_run(swap_thread, &c, "sff8472-emul-swap");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	for (i = 0; i < 300; i++) {
		ret = rd(a, A0, 0, buf, 64);
		if (!ret)
			KUNIT_EXPECT_EQ(test, buf[0], 0x03);
		else
			KUNIT_EXPECT_EQ(test, ret, -ENXIO);
		cond_resched();
	}
	kthread_stop(t);
	put_task_struct(t);
}

/* ------------------------------------------------------------------ */
/* The debugfs interface, through a private mount of debugfs.          */

struct dbg {
	struct kunit *test;
	struct vfsmount *mnt;
	char __user *ubuf;	/* a user page: the files see real user I/O */
	char dir[48];
};

static void dbg_umount(void *mnt)
{
	mntput(mnt);
}

static void dbg_init(struct kunit *test, struct dbg *d, struct sff8472_emul *e)
{
	struct file_system_type *fs = get_fs_type("debugfs");

	if (!fs)
		kunit_skip(test, "no debugfs");
	d->test = test;
	d->mnt = vfs_kern_mount(fs, 0, "debugfs", NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(d->mnt));
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, dbg_umount,
							   d->mnt));
	d->ubuf = (char __user *)kunit_vm_mmap(test, NULL, 0, PAGE_SIZE,
					      PROT_READ | PROT_WRITE,
					      MAP_ANONYMOUS | MAP_PRIVATE, 0);
	if (IS_ERR_VALUE((unsigned long)d->ubuf))
		kunit_skip(test, "no user memory");
	snprintf(d->dir, sizeof(d->dir), "sff8472-emul/%s",
		 dev_name(&sff8472_emul_adapter(e)->dev));
}

static struct file *dbg_open(struct dbg *d, const char *name, int flags)
{
	char path[80];
	struct file *f;

	snprintf(path, sizeof(path), "%s/%s", d->dir, name);
	f = file_open_root_mnt(d->mnt, path, flags, 0);
	KUNIT_ASSERT_FALSE_MSG(d->test, IS_ERR(f), "open %s: %ld", path,
			       PTR_ERR(f));
	return f;
}

/* Write @len bytes in one write(); returns write's result or close's error. */
static int dbg_write(struct dbg *d, const char *name, const void *buf,
		     size_t len)
{
	struct file *f = dbg_open(d, name, O_WRONLY);
	loff_t pos = 0;
	ssize_t n = -EFAULT;
	int ret;

	if (!copy_to_user(d->ubuf, buf, len))
		n = f->f_op->write(f, d->ubuf, len, &pos);
	ret = filp_close(f, NULL);

	if (n < 0)
		return n;
	return n != len ? -EIO : ret;
}

static int dbg_puts(struct dbg *d, const char *name, const char *s)
{
	return dbg_write(d, name, s, strlen(s));
}

/* Read the whole file into @buf (NUL-terminated); returns its length. */
static ssize_t dbg_read(struct dbg *d, const char *name, char *buf,
			size_t size)
{
	struct file *f = dbg_open(d, name, O_RDONLY);
	loff_t pos = 0;
	size_t len = 0;
	ssize_t n;

	while (len < size - 1) {
		n = f->f_op->read(f, d->ubuf, min(size - 1 - len, PAGE_SIZE),
				  &pos);
		if (n <= 0 || copy_from_user(buf + len, d->ubuf, n))
			break;
		len += n;
	}
	buf[len] = '\0';
	filp_close(f, NULL);
	return len;
}

static void emul_test_debugfs(struct kunit *test)
{
	struct sff8472_emul *e = make(test, SFF8472_EMUL_I2C, NULL);
	struct i2c_adapter *a = sff8472_emul_adapter(e);
	u8 *dump = kunit_kzalloc(test, 512, GFP_KERNEL);
	char *txt = kunit_kzalloc(test, 600, GFP_KERNEL);
	struct dbg d;
	u8 buf[16];

	KUNIT_ASSERT_NOT_NULL(test, dump);
	KUNIT_ASSERT_NOT_NULL(test, txt);
	dbg_init(test, &d, e);

	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "profile", "internal\n"));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	dbg_read(&d, "profile", txt, 600);
	KUNIT_EXPECT_STREQ(test, txt, "internal\n");
	KUNIT_EXPECT_EQ(test, -ENOENT, dbg_puts(&d, "profile", "sfp28"));
	dbg_read(&d, "mode", txt, 600);
	KUNIT_EXPECT_STREQ(test, txt, "i2c 0\n");

	/* image: write a dump, read it back from the file and the bus */
	fill_dump(dump);
	KUNIT_EXPECT_EQ(test, 0, dbg_write(&d, "image", dump, 512));
	KUNIT_EXPECT_EQ(test, 512, dbg_read(&d, "image", txt, 600));
	KUNIT_EXPECT_MEMEQ(test, txt, dump, 512);
	KUNIT_ASSERT_EQ(test, 0, rd(a, A2, 0, buf, 16));
	KUNIT_EXPECT_MEMEQ(test, buf, dump + 256, 16);
	dbg_read(&d, "profile", txt, 600);
	KUNIT_EXPECT_STREQ(test, txt, "custom\n");
	/* a wrong size is not loaded */
	KUNIT_EXPECT_EQ(test, 0, dbg_write(&d, "image", dump, 100));
	flush_delayed_fput();
	KUNIT_EXPECT_EQ(test, 512, sff8472_emul_read_image(e, txt, 512));
	KUNIT_EXPECT_MEMEQ(test, txt, dump, 512);
	KUNIT_EXPECT_EQ(test, 0, dbg_write(&d, "image", dump, 256));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd(a, A2, 0, buf, 1));
	/* in chunks: loaded when the file is released */
	{
		struct file *f = dbg_open(&d, "image", O_WRONLY);
		loff_t pos = 0;
		int i;

		KUNIT_ASSERT_EQ(test, 0, copy_to_user(d.ubuf, dump, 512));
		for (i = 0; i < 512; i += 128)
			KUNIT_EXPECT_EQ(test, 128,
					f->f_op->write(f, d.ubuf + i, 128,
						       &pos));
		KUNIT_EXPECT_EQ(test, 256, sff8472_emul_read_image(e, txt, 0));
		filp_close(f, NULL);
		flush_delayed_fput();
		KUNIT_EXPECT_EQ(test, 512, sff8472_emul_read_image(e, txt,
								   512));
		KUNIT_EXPECT_MEMEQ(test, txt, dump, 512);
	}

	/* live values and drift */
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "profile", "internal"));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "live", "temp 0x5000\n"));
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_live(e, SFF8472_TEMP), 0x5000);
	KUNIT_EXPECT_EQ(test, 0x80, rd_byte(a, A2, 112));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "live", "drift bias 2 0 0x7fff"));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "live", "update"));
	KUNIT_EXPECT_EQ(test, sff8472_emul_get_live(e, SFF8472_BIAS),
			0x0dac + 2);
	KUNIT_EXPECT_EQ(test, -EINVAL, dbg_puts(&d, "live", "volts 3"));

	/* pins, presence, faults */
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "pins", "6"));
	KUNIT_EXPECT_EQ(test, 0x06, rd_byte(a, A2, 110));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "present", "0"));
	KUNIT_EXPECT_FALSE(test, sff8472_emul_present(e));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "present", "1"));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "faults", "nack_next 1"));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "faults", "read_ff 1"));
	KUNIT_EXPECT_EQ(test, 0xff, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "faults", "clear"));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "faults", "ff_nth 2"));
	dbg_read(&d, "faults", txt, 600);
	KUNIT_EXPECT_NOT_NULL(test, strstr(txt, "\nff_nth 2\n"));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0xff, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));

	/* from the 2nd data byte of the 1st transaction: A0h 20-21 "EM" */
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "faults", "ff_nth 1 1\n"));
	dbg_read(&d, "faults", txt, 600);
	KUNIT_EXPECT_NOT_NULL(test, strstr(txt, "\nff_nth 1\nff_from 1\n"));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 20, buf, 2));
	KUNIT_EXPECT_EQ(test, buf[0], 'E');
	KUNIT_EXPECT_EQ(test, buf[1], 0xff);
	/* every 2nd transaction NACKs */
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "faults", "nack_every 2"));
	dbg_read(&d, "faults", txt, 600);
	KUNIT_EXPECT_NOT_NULL(test, strstr(txt, "\nnack_every 2\n"));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0x03, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A0, 0));
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "faults", "clear"));
	/* A2h 95 (CC_DMI) complemented in the next transaction that reads it */
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "faults", "unstable a2 95 1 1"));
	dbg_read(&d, "faults", txt, 600);
	KUNIT_EXPECT_NOT_NULL(test, strstr(txt, "\nunstable a2 95 1 1\n"));
	KUNIT_EXPECT_EQ(test, cc_dmi(test, e) ^ 0xff, rd_byte(a, A2, 95));
	KUNIT_EXPECT_EQ(test, cc_dmi(test, e), rd_byte(a, A2, 95));
	KUNIT_EXPECT_EQ(test, -EINVAL, dbg_puts(&d, "faults", "unstable a1 0 1 1"));
	KUNIT_EXPECT_EQ(test, -EINVAL, dbg_puts(&d, "faults", "unstable a0 255 2 1"));
	KUNIT_EXPECT_EQ(test, -EINVAL, dbg_puts(&d, "faults", "unstable a0 0 1"));
	KUNIT_EXPECT_EQ(test, -EINVAL, dbg_puts(&d, "faults", "nack_nth 1 2"));

	/* stats: reset, one 16-byte random read = 174 bits (see above) */
	KUNIT_EXPECT_EQ(test, 0, dbg_puts(&d, "stats", "0"));
	KUNIT_ASSERT_EQ(test, 0, rd(a, A0, 0, buf, 16));
	dbg_read(&d, "stats", txt, 600);
	KUNIT_EXPECT_STREQ(test, txt,
			   "transactions 1\nnacks 0\nbytes_read 16\n"
			   "bytes_written 1\ntorn_reads 0\nbits 174\n"
			   "bus_time_ns 1740000\ngeneral_calls 0\n");
}

static void emul_test_platform_device(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_STRING("linux,mode", "smbus-byte"),
		PROPERTY_ENTRY_STRING("linux,profile", "copper"),
		{ }
	};
	struct platform_device_info info = {
		.name = "sff8472-emul",
		.id = PLATFORM_DEVID_AUTO,
		.properties = props,
	};
	struct platform_device *pdev;
	struct sff8472_emul *e;
	struct i2c_adapter *a;

	pdev = platform_device_register_full(&info);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pdev));
	e = platform_get_drvdata(pdev);
	if (!e) {
		platform_device_unregister(pdev);
		KUNIT_FAIL(test, "sff8472-emul platform driver did not bind");
		return;
	}
	a = sff8472_emul_adapter(e);
	KUNIT_EXPECT_PTR_EQ(test, a->dev.parent, &pdev->dev);
	KUNIT_EXPECT_EQ(test, i2c_get_functionality(a),
			I2C_FUNC_SMBUS_BYTE | I2C_FUNC_SMBUS_BYTE_DATA);
	KUNIT_EXPECT_EQ(test, 0x21, rd_byte(a, A0, 2));	/* copper pigtail */
	KUNIT_EXPECT_EQ(test, -ENXIO, rd_byte(a, A2, 0));
	platform_device_unregister(pdev);
}

static struct kunit_case sff8472_emul_cases[] = {
	KUNIT_CASE(emul_test_profiles),
	KUNIT_CASE(emul_test_roundtrip),
	KUNIT_CASE(emul_test_a0_only_and_empty),
	KUNIT_CASE(emul_test_hotplug),
	KUNIT_CASE(emul_test_bus_time_i2c),
	KUNIT_CASE(emul_test_bus_time_smbus),
	KUNIT_CASE(emul_test_functionality),
	KUNIT_CASE(emul_test_max_len),
	KUNIT_CASE(emul_test_torn_read),
	KUNIT_CASE(emul_test_torn_read_drift),
	KUNIT_CASE(emul_test_drift),
	KUNIT_CASE(emul_test_flags_nonlatched),
	KUNIT_CASE(emul_test_flags_latched),
	KUNIT_CASE(emul_test_status),
	KUNIT_CASE(emul_test_soft_controls),
	KUNIT_CASE(emul_test_write_refusal),
	KUNIT_CASE(emul_test_user_eeprom),
	KUNIT_CASE(emul_test_addr_change),
	KUNIT_CASE(emul_test_faults_nack),
	KUNIT_CASE(emul_test_fault_removal),
	KUNIT_CASE(emul_test_fault_ff_nth),
	KUNIT_CASE(emul_test_fault_ff_partial),
	KUNIT_CASE(emul_test_fault_ff_partial_word),
	KUNIT_CASE(emul_test_fault_unstable),
	KUNIT_CASE(emul_test_fault_nack_every),
	KUNIT_CASE(emul_test_slow_start),
	KUNIT_CASE(emul_test_hotswap_concurrent),
	KUNIT_CASE(emul_test_platform_device),
	KUNIT_CASE(emul_test_debugfs),
	{}
};

static struct kunit_suite sff8472_emul_suite = {
	.name = "sff8472_emul",
	.test_cases = sff8472_emul_cases,
};

kunit_test_suite(sff8472_emul_suite);

MODULE_DESCRIPTION("KUnit tests for the SFF-8472 transceiver emulator");
MODULE_LICENSE("GPL");
