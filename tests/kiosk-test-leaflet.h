/* kiosk-test-leaflet.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the leaflet and print tests: the bundled content in a store, and what
 * poppler reads back from a PDF.
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TEST_COMMUNE_NAME    "Ủy ban nhân dân xã Hòa Bình"
#define KIOSK_TEST_COMMUNE_ADDRESS "Thôn Đông, xã Hòa Bình, huyện Tuyên Hóa, tỉnh Quảng Bình"

/* A store with the bundled repository (<build>/data/content) imported; one per test
 * program, closed at exit. */
KioskStore *kiosk_test_bundled_store   (void);

/* @text in NFC with every run of white space made one space, so words wrapped onto
 * two lines still match. */
char       *kiosk_test_normalize_text  (const char *text);
/* pdftotext's reading of @path, normalised. */
char       *kiosk_test_pdf_text        (const char *path);
/* pdfinfo's page count. */
guint       kiosk_test_pdf_pages       (const char *path);
/* Fails the test when @text (normalised) does not hold @needle. */
void        kiosk_test_assert_text     (const char *text,
                                        const char *needle);

G_END_DECLS
