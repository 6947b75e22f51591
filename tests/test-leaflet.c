/* test-leaflet.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leaflet renderer: its layout rules checked through the Pango extents of every
 * line it draws, every bundled article on at most two A4 pages, the text that comes
 * out of the PDF, and the command line.
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pango.h>
#include <string.h>

#include "kiosk-importer.h"
#include "kiosk-leaflet-blocks.h"
#include "kiosk-leaflet.h"
#include "kiosk-store.h"
#include "kiosk-test-leaflet.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-util.h"

#define COMMUNE_NAME    KIOSK_TEST_COMMUNE_NAME
#define COMMUNE_ADDRESS KIOSK_TEST_COMMUNE_ADDRESS
#define POINTS_PER_CM   (72 / 2.54)

#define HOTLINES \
  "[{\"id\":\"child-protection\",\"number\":\"111\",\"national\":true,\"free\":true," \
  "\"name\":{\"vi\":\"Tổng đài quốc gia bảo vệ trẻ em\",\"en\":\"Child protection\"}," \
  "\"purpose\":{\"vi\":\"Bảo vệ trẻ em\",\"en\":\"Child safety\"}," \
  "\"hours\":{\"vi\":\"Cả ngày và đêm\",\"en\":\"Day and night\"}}," \
  "{\"id\":\"ambulance\",\"number\":\"115\",\"national\":true,\"free\":true," \
  "\"name\":{\"vi\":\"Cấp cứu y tế\",\"en\":\"Ambulance\"}," \
  "\"purpose\":{\"vi\":\"Cấp cứu\",\"en\":\"Emergency\"}," \
  "\"hours\":{\"vi\":\"Cả ngày và đêm\",\"en\":\"Day and night\"}}]"

#define WIDE_SVG \
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1000 100'>" \
  "<rect width='1000' height='100' fill='#48a'/></svg>"
#define TALL_SVG \
  "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='1000'>" \
  "<rect width='100' height='1000' fill='#a84'/></svg>"

typedef struct {
  char          *dir;
  KioskStore    *store;
  KioskTestRepo *repo;
  guint          published;
} Fixture;

/* Fixture: a store and a signed repository the test fills. */

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgba (cr, 0.2, 0.5, 0.3, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png_cb, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) hotlines = g_bytes_new_static (HOTLINES, strlen (HOTLINES));
  g_autoptr(GBytes) png = make_png (640, 480);
  g_autofree char *path = NULL;

  fixture->dir = kiosk_test_mkdtemp ("leaflet");
  path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  fixture->store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);

  fixture->repo = kiosk_test_repo_new ("vn.test.leaflet");
  kiosk_test_repo_add_raw (fixture->repo, "hotlines", "hotlines", hotlines, NULL, -1);
  kiosk_test_repo_add_topic (fixture->repo, "safety", "An toàn");
  kiosk_test_repo_add_media (fixture->repo, "wide.svg", WIDE_SVG);
  kiosk_test_repo_add_media (fixture->repo, "tall.svg", TALL_SVG);
  kiosk_test_repo_add_raw (fixture->repo, "media", "photo.png", png, NULL, -1);
  g_assert_true (kiosk_store_trust_key (fixture->store,
                                        kiosk_test_repo_public_key (fixture->repo), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->repo, kiosk_test_repo_free);
  kiosk_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
publish (Fixture *fixture)
{
  g_autofree char *name = g_strdup_printf ("repo-%u", fixture->published++);
  g_autofree char *dir = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) repo = g_file_new_for_path (dir);
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kiosk_test_repo_set_version (fixture->repo, 100 + fixture->published);
  kiosk_test_repo_write (fixture->repo, dir);
  result = kiosk_import_repository (fixture->store, repo, NULL, KIOSK_IMPORT_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
}

static void
add_article (Fixture    *fixture,
             const char *id,
             const char *title,
             const char *body)
{
  kiosk_test_repo_add_article (fixture->repo, id, "safety", title, body);
}

static KioskLeaflet *
new_leaflet (KioskStore *store,
             const char *ids,
             KioskLang   lang,
             KioskPaper  paper)
{
  g_autoptr(KioskLeaflet) leaflet = kiosk_leaflet_new (store, lang, paper);
  g_autoptr(GError) error = NULL;

  kiosk_leaflet_set_commune (leaflet, COMMUNE_NAME, COMMUNE_ADDRESS);
  kiosk_leaflet_add_articles (leaflet, ids, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&leaflet);
}

static void
add_local_contacts (KioskStore *store,
                    guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO hotlines (source, id, position, number, national, free, name_vi, name_en,"
        " purpose_vi, purpose_en, hours_vi, hours_en) VALUES ('local', 'contact-%u', %u,"
        " '0232 3 822 1%02u', 0, 0, 'Trạm y tế xã Hòa Bình, cán bộ số %u', 'Health station %u',"
        " '', '', '', '')", i, i, i, i, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (kiosk_store_exec (store, sql, &error));
      g_assert_no_error (error);
    }
}

/* The layout rules, checked on the boxes (Pango ink and logical extents) of
 * everything drawn. */

static gboolean
is_body (const KioskLeafletBox *box)
{
  return box->part >= KIOSK_LEAFLET_PART_TITLE && box->part <= KIOSK_LEAFLET_PART_RULE;
}

static const char *
part_name (KioskLeafletPart part)
{
  static const char *names[] = { "header", "title", "heading", "text", "item", "callout",
                                 "image", "rule", "band", "qr", "footer" };

  return names[part];
}

/* A glyph at the start of a line may reach a hair past its origin (T's bearing is
 * 0.02 pt); a quarter of a point (0.09 mm) allows for that and nothing more. */
#define INK_SLACK 0.25

static void
assert_inside_margins (KioskLeaflet *leaflet,
                       GArray       *boxes)
{
  cairo_rectangle_t margins;

  kiosk_leaflet_get_margin_box (leaflet, &margins);
  for (guint i = 0; i < boxes->len; i++)
    {
      KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

      if (box->x < margins.x - INK_SLACK ||
          box->x + box->width > margins.x + margins.width + INK_SLACK ||
          box->y < margins.y - INK_SLACK ||
          box->y + box->height > margins.y + margins.height + INK_SLACK)
        g_error ("%s: a %s box on page %u leaves the margins (%.1f,%.1f %.1fx%.1f): "
                 "%.3f,%.3f %.3fx%.3f", kiosk_leaflet_get_title (leaflet), part_name (box->part),
                 box->page + 1, margins.x, margins.y, margins.width, margins.height,
                 box->x, box->y, box->width, box->height);
    }
}

/* The body never runs into the hotline band or the header. */
static void
assert_body_clear_of_band (KioskLeaflet *leaflet,
                           GArray       *boxes)
{
  for (guint page = 0; page < kiosk_leaflet_get_n_pages (leaflet); page++)
    {
      double band_top = G_MAXDOUBLE, header_bottom = 0;

      for (guint i = 0; i < boxes->len; i++)
        {
          KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

          if (box->page == page && box->part == KIOSK_LEAFLET_PART_QR)
            band_top = MIN (band_top, box->y);
          if (box->page == page && box->part == KIOSK_LEAFLET_PART_HEADER)
            header_bottom = MAX (header_bottom, box->y + box->height);
        }
      for (guint i = 0; i < boxes->len; i++)
        {
          KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

          if (box->page != page || !is_body (box))
            continue;
          g_assert_cmpfloat (box->y + box->height, <, band_top);
          g_assert_cmpfloat (box->y, >, header_bottom);
        }
    }
}

/* The last thing on a page, in reading order, is never a heading or a title. */
static void
assert_no_heading_ends_page (KioskLeaflet *leaflet,
                             GArray       *boxes)
{
  for (guint page = 0; page < kiosk_leaflet_get_n_pages (leaflet); page++)
    {
      KioskLeafletBox *last = NULL;

      for (guint i = 0; i < boxes->len; i++)
        {
          KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

          if (box->page == page && is_body (box) && (last == NULL || box->block >= last->block))
            last = box;
        }
      if (last != NULL && page + 1 < kiosk_leaflet_get_n_pages (leaflet) &&
          (last->part == KIOSK_LEAFLET_PART_HEADING || last->part == KIOSK_LEAFLET_PART_TITLE))
        g_error ("%s: page %u ends with a %s", kiosk_leaflet_get_title (leaflet), page + 1,
                 part_name (last->part));
    }
}

static guint
pages_of_block (GArray *boxes,
                int     block,
                guint  *n_lines_on_first)
{
  guint first_page = G_MAXUINT, last_page = 0, lines = 0;

  for (guint i = 0; i < boxes->len; i++)
    {
      KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

      if (box->block != block)
        continue;
      if (box->page < first_page)
        lines = 0;
      first_page = MIN (first_page, box->page);
      last_page = MAX (last_page, box->page);
      if (box->page == first_page)
        lines++;
    }
  if (n_lines_on_first != NULL)
    *n_lines_on_first = lines;
  return first_page == G_MAXUINT ? 0 : last_page - first_page + 1;
}

/* A list item shorter than a page stays on one page. */
static void
assert_items_whole (KioskLeaflet *leaflet,
                    GArray       *boxes)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

      if (box->part == KIOSK_LEAFLET_PART_ITEM && pages_of_block (boxes, box->block, NULL) > 1)
        g_error ("%s: a list item is split between pages %u and %u",
                 kiosk_leaflet_get_title (leaflet), box->page + 1, box->page + 2);
    }
}

static void
assert_layout_rules (KioskLeaflet *leaflet)
{
  g_autoptr(GArray) boxes = kiosk_leaflet_get_boxes (leaflet);

  g_assert_cmpuint (boxes->len, >, 0);
  assert_inside_margins (leaflet, boxes);
  assert_body_clear_of_band (leaflet, boxes);
  assert_no_heading_ends_page (leaflet, boxes);
  assert_items_whole (leaflet, boxes);
}

/* Markdown to blocks. */

static void
test_blocks_escape (void)
{
  g_autoptr(GPtrArray) blocks = kiosk_leaflet_blocks_parse (
    "## A & B <i>\n\n"
    "Text with <script>alert(1)</script> and 3 < 4 & **bold** *it*.\n\n"
    "<div onclick='x'>raw block</div>\n\n"
    "Call [Gọi ngay](tel:111), [115](tel:115) or read [this](article:other) "
    "and [that](javascript:alert(1)).\n\n"
    "- one\n  - nested\n- two ![pic](media/wide.svg)\n\n"
    "3. three\n4. four\n\n"
    "> **Call** now\n>\n> - at once\n\n"
    "![remote](https://example.org/x.png)\n");
  const char *expected[][2] = {
    { "heading", "A &amp; B" },
    { "paragraph", "Text with alert(1) and 3 &lt; 4 &amp; <b>bold</b> <i>it</i>." },
    { "paragraph", "Call <b>Gọi ngay (111)</b>, <b>115</b> or read this and that." },
    { "item", "one" },
    { "item", "nested" },
    { "item", "two" },
    { "image", NULL },
    { "item", "three" },
    { "item", "four" },
    { "callout", "<b>Call</b> now\n•\u00a0at once" },
  };

  g_assert_cmpuint (blocks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < blocks->len; i++)
    {
      KioskBlock *block = blocks->pdata[i];

      if (block->markup != NULL)
        {
          g_assert_cmpstr (block->markup, ==, expected[i][1]);
          g_assert_true (pango_parse_markup (block->markup, -1, 0, NULL, NULL, NULL, NULL));
        }
    }
  g_assert_cmpint (((KioskBlock *) blocks->pdata[0])->kind, ==, KIOSK_BLOCK_HEADING);
  g_assert_cmpint (((KioskBlock *) blocks->pdata[4])->level, ==, 1);
  g_assert_cmpstr (((KioskBlock *) blocks->pdata[6])->image, ==, "wide.svg");
  g_assert_cmpstr (((KioskBlock *) blocks->pdata[6])->alt, ==, "pic");
  g_assert_cmpstr (((KioskBlock *) blocks->pdata[7])->marker, ==, "3.");
  g_assert_cmpstr (((KioskBlock *) blocks->pdata[3])->marker, ==, "•");
  g_assert_cmpint (((KioskBlock *) blocks->pdata[9])->kind, ==, KIOSK_BLOCK_CALLOUT);
}

/* Layout. */

static void
test_layout_margins (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *token = g_strnfill (400, 'W');
  g_autofree char *body = g_strdup_printf (
    "## Một tiêu đề rất dài để thử xem dòng có xuống đúng chỗ không khi tiêu đề dài hơn "
    "một dòng của trang giấy A4 hay A5\n\n"
    "Một từ không có chỗ ngắt: %1$s.\n\n"
    "Một địa chỉ dài: https://example.org/bai-viet/rat/dai/khong/co/cho/ngat/nao/ca/%1$s\n\n"
    "1. Một\n2. Hai\n3. Ba\n4. Bốn\n5. Năm\n6. Sáu\n7. Bảy\n8. Tám\n9. Chín\n10. Mười\n"
    "11. Mười một %1$s\n12. Mười hai\n\n"
    "- Mục\n  - Mục con %1$s\n    - Mục cháu\n\n"
    "> Gọi ngay [111](tel:111): %1$s\n\n"
    "![Rộng](media/wide.svg)\n\n![Cao](media/tall.svg)\n\n![Ảnh](media/photo.png)\n\n"
    "---\n\nHết.\n", token);
  g_autofree char *title = g_strdup_printf ("Tiêu đề %s", token);
  KioskPaper papers[] = { KIOSK_PAPER_A4, KIOSK_PAPER_A5 };

  add_article (fixture, "margins", title, body);
  publish (fixture);
  add_local_contacts (fixture->store, 8);
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autoptr(KioskLeaflet) leaflet = new_leaflet (fixture->store, "margins", KIOSK_LANG_VI,
                                                     papers[i]);
      g_autofree char *long_name = g_strnfill (300, 'X');

      g_autoptr(GArray) boxes = NULL;

      kiosk_leaflet_set_commune (leaflet, long_name, long_name);
      boxes = kiosk_leaflet_get_boxes (leaflet);
      /* A title longer than a page has to end one: only the margins are checked. */
      assert_inside_margins (leaflet, boxes);
      assert_body_clear_of_band (leaflet, boxes);
    }
}

/* Sections of uneven length push headings to every position near a page's end. */
static char *
sections_body (guint seed,
               guint n_sections)
{
  GString *body = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint s = 0; s < n_sections; s++)
    {
      guint words = g_rand_int_range (rand, 3, 90);

      g_string_append_printf (body, "## Mục %u\n\n", s + 1);
      if (g_rand_boolean (rand))
        g_string_append_printf (body, "### Phần nhỏ %u\n\n", s + 1);
      for (guint w = 0; w < words; w++)
        g_string_append (body, w % 9 == 8 ? "nước. " : "trẻ em ");
      g_string_append (body, "\n\n");
    }
  g_rand_free (rand);
  return g_string_free (body, FALSE);
}

static void
test_layout_headings (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint seed = 1; seed <= 12; seed++)
    {
      g_autofree char *id = g_strdup_printf ("sections-%u", seed);
      g_autofree char *body = sections_body (seed, 40);

      add_article (fixture, id, "Các mục", body);
    }
  publish (fixture);
  for (guint seed = 1; seed <= 12; seed++)
    {
      g_autofree char *id = g_strdup_printf ("sections-%u", seed);

      for (KioskPaper paper = KIOSK_PAPER_A4; paper <= KIOSK_PAPER_A5; paper++)
        {
          g_autoptr(KioskLeaflet) leaflet = new_leaflet (fixture->store, id, KIOSK_LANG_VI, paper);
          g_autoptr(GArray) boxes = kiosk_leaflet_get_boxes (leaflet);

          g_assert_cmpuint (kiosk_leaflet_get_n_pages (leaflet), >=, 3);
          assert_no_heading_ends_page (leaflet, boxes);
          assert_inside_margins (leaflet, boxes);
          /* What follows each heading shares its page. */
          for (guint i = 0; i < boxes->len; i++)
            {
              KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);
              gboolean followed = FALSE;

              if (box->part != KIOSK_LEAFLET_PART_HEADING)
                continue;
              for (guint j = 0; j < boxes->len; j++)
                {
                  KioskLeafletBox *next = &g_array_index (boxes, KioskLeafletBox, j);

                  followed |= next->page == box->page && next->block == box->block + 1;
                }
              g_assert_true (followed);
            }
        }
    }
}

static void
test_layout_list_items (Fixture       *fixture,
                        gconstpointer  data)
{
  GString *body = g_string_new ("Danh sách dài:\n\n");
  g_autofree char *text = NULL;
  g_autoptr(KioskLeaflet) leaflet = NULL;

  for (guint i = 1; i <= 90; i++)
    {
      g_string_append_printf (body, "%u. Việc số %u:", i, i);
      for (guint w = 0; w < (i % 5) * 14; w++)
        g_string_append (body, " giữ trẻ an toàn");
      g_string_append (body, "\n");
    }
  text = g_string_free (body, FALSE);
  add_article (fixture, "list", "Danh sách", text);
  publish (fixture);

  leaflet = new_leaflet (fixture->store, "list", KIOSK_LANG_VI, KIOSK_PAPER_A4);
  g_assert_cmpuint (kiosk_leaflet_get_n_pages (leaflet), >=, 3);
  assert_layout_rules (leaflet);
}

/* A long paragraph is split between lines, with at least two lines on each page. */
static void
test_layout_split_paragraph (Fixture       *fixture,
                             gconstpointer  data)
{
  GString *body = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(KioskLeaflet) leaflet = NULL;
  g_autoptr(GArray) boxes = NULL;
  guint pages;

  for (guint w = 0; w < 2600; w++)
    g_string_append (body, w % 11 == 10 ? "đuối nước. " : "người lớn trông trẻ ");
  text = g_string_free (body, FALSE);
  add_article (fixture, "long", "Một đoạn rất dài", text);
  publish (fixture);

  leaflet = new_leaflet (fixture->store, "long", KIOSK_LANG_VI, KIOSK_PAPER_A4);
  boxes = kiosk_leaflet_get_boxes (leaflet);
  assert_layout_rules (leaflet);
  pages = kiosk_leaflet_get_n_pages (leaflet);
  g_assert_cmpuint (pages, >=, 3);
  for (guint page = 0; page < pages; page++)
    {
      guint lines = 0;

      for (guint i = 0; i < boxes->len; i++)
        {
          KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

          lines += box->page == page && box->part == KIOSK_LEAFLET_PART_TEXT;
        }
      g_assert_cmpuint (lines, >=, 2);
    }
}

static void
test_layout_images (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KioskLeaflet) leaflet = NULL;
  g_autoptr(GArray) boxes = NULL;
  cairo_rectangle_t margins;
  double aspects[] = { 10, 0.1, 640.0 / 480 };
  guint images = 0;

  add_article (fixture, "pictures", "Hình",
               "![Rộng](media/wide.svg)\n\n![Cao](media/tall.svg)\n\n![Ảnh](media/photo.png)\n\n"
               "![Mất](media/missing.svg)\n");
  publish (fixture);
  leaflet = new_leaflet (fixture->store, "pictures", KIOSK_LANG_VI, KIOSK_PAPER_A5);
  boxes = kiosk_leaflet_get_boxes (leaflet);
  kiosk_leaflet_get_margin_box (leaflet, &margins);
  assert_layout_rules (leaflet);
  for (guint i = 0; i < boxes->len; i++)
    {
      KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

      if (box->part != KIOSK_LEAFLET_PART_IMAGE)
        continue;
      g_assert_cmpuint (images, <, G_N_ELEMENTS (aspects));
      g_assert_cmpfloat (box->width, <=, margins.width + 0.01);
      g_assert_cmpfloat (box->height, <=, margins.height / 3);
      /* Scaled, never stretched. */
      g_assert_cmpfloat_with_epsilon (box->width / box->height, aspects[images], 0.01);
      images++;
    }
  /* The missing picture is left out; the others keep their shape. */
  g_assert_cmpuint (images, ==, 3);
}

static void
test_layout_several_articles (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *long_body = sections_body (7, 40);
  g_autoptr(KioskLeaflet) first = NULL;
  g_autoptr(KioskLeaflet) second = NULL;
  g_autoptr(KioskLeaflet) both = NULL;
  g_autoptr(GArray) boxes = NULL;
  guint titles = 0;

  add_article (fixture, "first", "Bài một", long_body);
  add_article (fixture, "second", "Bài hai", "Ngắn thôi.");
  publish (fixture);
  first = new_leaflet (fixture->store, "first", KIOSK_LANG_VI, KIOSK_PAPER_A4);
  second = new_leaflet (fixture->store, "second", KIOSK_LANG_VI, KIOSK_PAPER_A4);
  both = new_leaflet (fixture->store, "first, second", KIOSK_LANG_VI, KIOSK_PAPER_A4);

  g_assert_cmpuint (kiosk_leaflet_get_n_pages (both), ==,
                    kiosk_leaflet_get_n_pages (first) + kiosk_leaflet_get_n_pages (second));
  boxes = kiosk_leaflet_get_boxes (both);
  for (guint i = 0; i < boxes->len; i++)
    {
      KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

      if (box->part != KIOSK_LEAFLET_PART_TITLE)
        continue;
      titles++;
      g_assert_true (box->page == 0 || box->page == kiosk_leaflet_get_n_pages (first));
    }
  g_assert_cmpuint (titles, ==, 2);
  assert_layout_rules (both);
}

static void
test_missing_article (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KioskLeaflet) leaflet = kiosk_leaflet_new (fixture->store, KIOSK_LANG_VI,
                                                       KIOSK_PAPER_A4);
  g_autoptr(GError) error = NULL;

  g_assert_false (kiosk_leaflet_add_articles (leaflet, "no-such-article", &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kiosk_leaflet_add_articles (leaflet, " , ", &error));
  g_assert_error (error, KIOSK_LEAFLET_ERROR, KIOSK_LEAFLET_ERROR_EMPTY);
}

/* The QR code: the article's public address when its source has one, else 111. */
static void
test_qr (Fixture       *fixture,
         gconstpointer  data)
{
  g_autoptr(KioskLeaflet) plain = NULL;
  g_autoptr(KioskLeaflet) linked = NULL;
  g_autoptr(GArray) boxes = NULL;
  g_autoptr(GError) error = NULL;
  guint codes = 0;

  add_article (fixture, "qr", "Mã QR", "Nội dung.");
  publish (fixture);
  plain = new_leaflet (fixture->store, "qr", KIOSK_LANG_VI, KIOSK_PAPER_A4);
  g_assert_cmpstr (kiosk_leaflet_get_qr_text (plain), ==, "tel:111");

  g_assert_true (kiosk_store_exec (fixture->store, "UPDATE sources SET public_url ="
                                   " 'https://example.org/bai-viet/{id}?lang=vi'", &error));
  g_assert_no_error (error);
  linked = new_leaflet (fixture->store, "qr", KIOSK_LANG_VI, KIOSK_PAPER_A5);
  g_assert_cmpstr (kiosk_leaflet_get_qr_text (linked), ==,
                   "https://example.org/bai-viet/qr?lang=vi");

  /* Big enough to scan from a sheet held in the hand: 2.5 cm without the quiet zone
   * (two modules a side, at most 4/25 of the drawn square). */
  boxes = kiosk_leaflet_get_boxes (plain);
  for (guint i = 0; i < boxes->len; i++)
    {
      KioskLeafletBox *box = &g_array_index (boxes, KioskLeafletBox, i);

      if (box->part != KIOSK_LEAFLET_PART_QR)
        continue;
      codes++;
      g_assert_cmpfloat (box->width * 21 / 25, >=, 2.5 * POINTS_PER_CM);
    }
  g_assert_cmpuint (codes, ==, kiosk_leaflet_get_n_pages (plain));
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KioskLeaflet) leaflet = NULL;
  cairo_surface_t *surface;
  guint dark = 0;
  int width, height, stride;
  guint8 *pixels;

  add_article (fixture, "preview", "Xem trước", "Nội dung **đậm**.");
  publish (fixture);
  leaflet = new_leaflet (fixture->store, "preview", KIOSK_LANG_EN, KIOSK_PAPER_A4);
  surface = kiosk_leaflet_render_page (leaflet, 0, 0.5);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);
  g_assert_cmpint (width, ==, 298);
  g_assert_cmpint (height, ==, 421);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      dark += (pixels[y * stride + x * 4 + 1] < 100);
  /* Text, the band's 111 and the QR code are there. */
  g_assert_cmpuint (dark, >, 500);
  cairo_surface_destroy (surface);
}

/* Text that comes out of the PDF. */

static void
test_pdf_text (void)
{
  KioskStore *store = kiosk_test_bundled_store ();
  g_autofree char *dir = kiosk_test_mkdtemp ("pdf");
  g_autofree char *path = g_build_filename (dir, "leaflet.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  for (KioskLang lang = KIOSK_LANG_VI; lang <= KIOSK_LANG_EN; lang++)
    {
      g_autoptr(KioskLeaflet) leaflet = new_leaflet (store, "injury-drowning-home", lang,
                                                     KIOSK_PAPER_A4);
      g_autoptr(KioskArticle) article = kiosk_store_get_article (store, "injury-drowning-home",
                                                                 &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_true (kiosk_leaflet_save_pdf (leaflet, file, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (kiosk_test_pdf_pages (path), ==, kiosk_leaflet_get_n_pages (leaflet));
      text = kiosk_test_pdf_text (path);
      kiosk_test_assert_text (text, article->title[lang]);
      kiosk_test_assert_text (text, article->summary[lang]);
      kiosk_test_assert_text (text, "111");
      kiosk_test_assert_text (text, COMMUNE_NAME);
      kiosk_test_assert_text (text, COMMUNE_ADDRESS);
    }
  kiosk_test_rm_rf (dir);
}

static void
test_save_pdf_failure (void)
{
  g_autoptr(KioskLeaflet) leaflet = new_leaflet (kiosk_test_bundled_store (),
                                                 "injury-drowning-home", KIOSK_LANG_VI,
                                                 KIOSK_PAPER_A4);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/leaflet.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_false (kiosk_leaflet_save_pdf (leaflet, file, NULL, &error));
  g_assert_error (error, KIOSK_LEAFLET_ERROR, KIOSK_LEAFLET_ERROR_WRITE);
}

/* Every bundled article, in both languages, on at most two A4 pages and by the rules;
 * on A5 by the rules. */
static void
test_bundled_articles (void)
{
  KioskStore *store = kiosk_test_bundled_store ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  GString *too_long = g_string_new (NULL);
  g_autofree char *report = NULL;

  articles = kiosk_store_list_articles (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, >=, 50);
  for (guint i = 0; i < articles->len; i++)
    {
      KioskArticle *article = articles->pdata[i];

      for (KioskLang lang = KIOSK_LANG_VI; lang <= KIOSK_LANG_EN; lang++)
        {
          g_autoptr(KioskLeaflet) a4 = new_leaflet (store, article->id, lang, KIOSK_PAPER_A4);
          g_autoptr(KioskLeaflet) a5 = new_leaflet (store, article->id, lang, KIOSK_PAPER_A5);

          if (kiosk_leaflet_get_n_pages (a4) > 2)
            g_string_append_printf (too_long, " %s (%s, %u pages)", article->id,
                                    kiosk_lang_to_string (lang), kiosk_leaflet_get_n_pages (a4));
          assert_layout_rules (a4);
          assert_layout_rules (a5);
        }
    }
  report = g_string_free (too_long, FALSE);
  if (*report != '\0')
    g_error ("Over two A4 pages:%s", report);
}

/* The command line, with no display. */

static int
run_app (const char *const *args,
         char             **out,
         char             **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = kiosk_test_build_path ("data/content");

  g_ptr_array_add (argv, kiosk_test_build_path ("app/goc-tre-em"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "GOC_TRE_EM_BUNDLED_DIR", bundle, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static void
test_cli (void)
{
  g_autofree char *dir = kiosk_test_mkdtemp ("cli");
  g_autofree char *path = g_build_filename (dir, "leaflet.pdf", NULL);
  const char *write[] = { "--leaflet", "injury-drowning-home,online-cyberbullying", "--output",
                          path, "--lang", "en", "--paper", "a5", NULL };
  const char *missing[] = { "--leaflet", "no-such-article", "--output", path, NULL };
  const char *no_output[] = { "--leaflet", "injury-drowning-home", NULL };
  const char *bad_paper[] = { "--leaflet", "injury-drowning-home", "--output", path, "--paper",
                              "letter", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_app (write, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "pages"));
  g_assert_cmpuint (kiosk_test_pdf_pages (path), >=, 4);
  text = kiosk_test_pdf_text (path);
  kiosk_test_assert_text (text, "Water around the house: wells, jars, tanks, ponds");
  kiosk_test_assert_text (text, "Online bullying and pictures shared without consent");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_app (missing, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-article"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_app (no_output, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--output"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_app (bad_paper, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "a4 or a5"));
  kiosk_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/leaflet/blocks/escape", test_blocks_escape);
  g_test_add ("/kiosk/leaflet/layout/margins", Fixture, NULL, fixture_set_up,
              test_layout_margins, fixture_tear_down);
  g_test_add ("/kiosk/leaflet/layout/headings", Fixture, NULL, fixture_set_up,
              test_layout_headings, fixture_tear_down);
  g_test_add ("/kiosk/leaflet/layout/list-items", Fixture, NULL, fixture_set_up,
              test_layout_list_items, fixture_tear_down);
  g_test_add ("/kiosk/leaflet/layout/split-paragraph", Fixture, NULL, fixture_set_up,
              test_layout_split_paragraph, fixture_tear_down);
  g_test_add ("/kiosk/leaflet/layout/images", Fixture, NULL, fixture_set_up,
              test_layout_images, fixture_tear_down);
  g_test_add ("/kiosk/leaflet/layout/several-articles", Fixture, NULL, fixture_set_up,
              test_layout_several_articles, fixture_tear_down);
  g_test_add ("/kiosk/leaflet/missing-article", Fixture, NULL, fixture_set_up,
              test_missing_article, fixture_tear_down);
  g_test_add ("/kiosk/leaflet/qr", Fixture, NULL, fixture_set_up, test_qr, fixture_tear_down);
  g_test_add ("/kiosk/leaflet/preview", Fixture, NULL, fixture_set_up, test_preview,
              fixture_tear_down);
  g_test_add_func ("/kiosk/leaflet/pdf/text", test_pdf_text);
  g_test_add_func ("/kiosk/leaflet/pdf/write-failure", test_save_pdf_failure);
  g_test_add_func ("/kiosk/leaflet/bundled", test_bundled_articles);
  g_test_add_func ("/kiosk/leaflet/cli", test_cli);

  return g_test_run ();
}
