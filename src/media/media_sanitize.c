/*
 * media_sanitize.c - the masks a member draws, the sanitizer's options for uploads and case
 * photos, and the in-process call with the process's one face detector (see media.h).
 */
#include <pthread.h>

#include "media/media.h"

static struct ent_img_faces *faces;
static enum ent_err faces_err;
static pthread_once_t faces_once = PTHREAD_ONCE_INIT;

static void faces_make(void)
{
	const char *why = NULL;
	faces_err = ent_img_faces_new(&faces, &why);
}

enum ent_err media_face_detector(struct ent_img_faces **out)
{
	pthread_once(&faces_once, faces_make);
	*out = faces;
	return faces_err;
}

/* One non-negative integer below 100000 at *p, advancing *p. */
static bool number(const char **p, int *v)
{
	const char *s = *p;
	int x = 0, digits = 0;
	while (*s >= '0' && *s <= '9' && digits < 6) {
		x = x * 10 + (*s - '0');
		s++;
		digits++;
	}
	if (!digits || x >= 100000 || (*s >= '0' && *s <= '9'))
		return false;
	*v = x;
	*p = s;
	return true;
}

enum ent_err media_masks_parse(const char *s, struct ent_img_rect *out, size_t cap, size_t *n)
{
	*n = 0;
	if (!s)
		return ENT_EINVAL;
	while (*s) {
		int v[4];
		for (int i = 0; i < 4; i++) {
			if (!number(&s, &v[i]))
				return ENT_EINVAL;
			if (i < 3 && *s++ != ',')
				return ENT_EINVAL;
		}
		if (v[2] <= 0 || v[3] <= 0 || *n >= cap)
			return ENT_EINVAL;
		out[(*n)++] = (struct ent_img_rect){v[0], v[1], v[2], v[3]};
		if (*s == ';')
			s++;
		else if (*s)
			return ENT_EINVAL;
	}
	return ENT_OK;
}

static void opts(const struct ent_img_rect *masks, size_t n_masks, struct ent_img_opts *o)
{
	*o = (struct ent_img_opts){0};
	o->faces_mode = ENT_IMG_FACES_COVER;
	o->masks = masks;
	o->n_masks = n_masks;
	o->time_budget_ms = 15000;
}

void media_upload_opts(const struct ent_img_rect *masks, size_t n_masks, struct ent_img_opts *o)
{
	opts(masks, n_masks, o);
	o->max_bytes = MEDIA_UPLOAD_MAX;
	o->max_side = 12000;
	o->max_pixels = 50u * 1000 * 1000;
}

void media_photo_opts(const struct ent_img_rect *masks, size_t n_masks, struct ent_img_opts *o)
{
	opts(masks, n_masks, o);
	o->max_bytes = 12u * 1024 * 1024;
	o->max_side = 8000;
	o->max_pixels = 40u * 1000 * 1000;
}

enum ent_err media_sanitize(const uint8_t *in, size_t len, struct ent_img_opts *o,
			    struct ent_img_result *res)
{
	if (o->faces_mode == ENT_IMG_FACES_COVER) {
		/* never let a face through: without a detector the picture is refused */
		enum ent_err err = media_face_detector(&o->faces);
		if (err) {
			res->reason = "face detector unavailable";
			return err;
		}
	}
	return ent_img_sanitize(in, len, o, res);
}
