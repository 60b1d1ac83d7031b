/*
 * img_exif.c - a small, defensive EXIF (TIFF) reader.
 *
 * It reads only what the sanitizer needs to decide and report: the orientation (IFD0 tag
 * 0x0112) and whether GPS, a maker note or a thumbnail are present. Nothing read here is
 * copied to the output. Every read goes through the bounded cursor (img_cur.h): an offset
 * or a count past the block is a refused read, never a read outside it. The IFD graph
 * (IFD0 -> Exif/GPS/Interop sub-IFDs, IFD0 -> IFD1 -> ...) is walked with a visited list, a
 * depth limit and an entry budget, so loops and absurd counts stop the walk instead of the
 * process. Damage is recorded, never fatal: the block is dropped anyway.
 */
#include <string.h>

#include "privacy/image/img.h"
#include "privacy/image/img_cur.h"

#define EXIF_MAX_IFDS 16
#define EXIF_MAX_DEPTH 4
#define EXIF_MAX_ENTRIES 4096

#define TAG_ORIENTATION 0x0112
#define TAG_EXIF_IFD 0x8769
#define TAG_GPS_IFD 0x8825
#define TAG_INTEROP_IFD 0xA005
#define TAG_MAKERNOTE 0x927C
#define TAG_JPEG_IF 0x0201
#define TAG_STRIP_OFFSETS 0x0111

struct walk {
	struct img_cur blk; /* the whole TIFF block; offsets are from its start */
	int be;
	uint32_t visited[EXIF_MAX_IFDS];
	int n_visited;
	struct img_exif_info *info;
};

/* kind: 0 IFD0, 1 IFD1+ (thumbnail chain), 2 Exif, 3 GPS, 4 Interop */
static void walk_ifd(struct walk *w, uint32_t off, int kind, int depth)
{
	struct img_exif_info *info = w->info;
	while (off != 0) {
		if (depth > EXIF_MAX_DEPTH) {
			info->looped = 1;
			return;
		}
		for (int i = 0; i < w->n_visited; i++) {
			if (w->visited[i] == off) {
				info->looped = 1;
				return;
			}
		}
		if (w->n_visited >= EXIF_MAX_IFDS) {
			info->looped = 1;
			return;
		}
		w->visited[w->n_visited++] = off;
		struct img_cur c = w->blk;
		uint16_t n;
		if (!img_cur_seek(&c, off) || !img_cur_u16(&c, w->be, &n)) {
			info->truncated = 1;
			return;
		}
		if ((size_t)n > img_cur_left(&c) / 12) {
			info->truncated = 1;
			n = (uint16_t)(img_cur_left(&c) / 12);
		}
		for (uint16_t i = 0; i < n; i++) {
			if (info->n_entries >= EXIF_MAX_ENTRIES) {
				info->truncated = 1;
				return;
			}
			info->n_entries++;
			struct img_cur e;
			uint16_t tag, type, o;
			uint32_t count, val;
			if (!img_cur_sub(&c, 12, &e) || !img_cur_u16(&e, w->be, &tag) ||
			    !img_cur_u16(&e, w->be, &type) || !img_cur_u32(&e, w->be, &count))
				return; /* cannot happen: n was clamped to whole entries */
			struct img_cur v = e;
			if (!img_cur_u32(&e, w->be, &val) || !img_cur_u16(&v, w->be, &o))
				return;
			if (kind == 0 && tag == TAG_ORIENTATION && type == 3) {
				info->has_orientation = 1;
				if (o >= 1 && o <= 8)
					info->orientation = o;
			} else if (kind == 0 && tag == TAG_EXIF_IFD) {
				walk_ifd(w, val, 2, depth + 1);
			} else if (kind == 0 && tag == TAG_GPS_IFD) {
				info->has_gps = 1;
				walk_ifd(w, val, 3, depth + 1);
			} else if (kind == 2 && tag == TAG_INTEROP_IFD) {
				walk_ifd(w, val, 4, depth + 1);
			} else if (kind == 2 && tag == TAG_MAKERNOTE) {
				info->has_makernote = 1;
			} else if (kind == 1 && (tag == TAG_JPEG_IF || tag == TAG_STRIP_OFFSETS)) {
				info->has_thumbnail = 1;
			}
		}
		/* Only IFD0 and IFD1 chain on; sub-IFDs have no meaningful successor. */
		if (kind != 0 && kind != 1)
			return;
		if (!img_cur_u32(&c, w->be, &off)) {
			info->truncated = 1;
			return;
		}
		kind = 1;
		depth++;
	}
}

enum ent_err img_exif_parse(const uint8_t *tiff, size_t len, struct img_exif_info *info)
{
	memset(info, 0, sizeof *info);
	info->orientation = 1;
	struct walk w = {.info = info};
	uint32_t ifd0;
	img_cur_init(&w.blk, tiff, len);
	struct img_cur h = w.blk;
	if (img_cur_match(&h, "II*\0", 4))
		w.be = 0;
	else if (img_cur_match(&h, "MM\0*", 4))
		w.be = 1;
	else
		return ENT_EFORMAT;
	if (!img_cur_u32(&h, w.be, &ifd0))
		return ENT_EFORMAT;
	walk_ifd(&w, ifd0, 0, 0);
	return ENT_OK;
}

void img_exif_note(struct img_ctx *c, const uint8_t *p, size_t len, int use_orientation)
{
	struct img_exif_info info;
	if (len >= 6 && memcmp(p, "Exif\0\0", 6) == 0) {
		p += 6;
		len -= 6;
	}
	c->removed |= ENT_IMG_RM_EXIF;
	if (img_exif_parse(p, len, &info) != ENT_OK)
		return;
	if (info.has_gps)
		c->removed |= ENT_IMG_RM_GPS;
	if (info.has_makernote)
		c->removed |= ENT_IMG_RM_MAKERNOTE;
	if (info.has_thumbnail)
		c->removed |= ENT_IMG_RM_THUMBNAIL;
	if (info.has_orientation)
		c->removed |= ENT_IMG_RM_ORIENTATION;
	/* The first EXIF block wins; a second one cannot re-rotate the picture. */
	if (use_orientation && c->orientation == 0)
		c->orientation = info.orientation;
}
