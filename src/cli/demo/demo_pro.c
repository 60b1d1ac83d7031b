/*
 * demo_pro.c - the professional network's demo: verified professionals (with their
 * verification and badge), a case with the patient's consent, an answer marked helpful, and
 * a photo reviewed by a second professional. The photo is drawn here (a synthetic pigmented
 * "lesion" on skin tone) and goes through the sanitizer like any upload: no third-party
 * picture. Idempotent: a second run finds everything in place and changes nothing.
 */
#include <math.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "cli/demo/demo.h"
#include "api/api_pro.h"
#include "core/clock.h"
#include "media/media.h"
#include "pro/pro.h"
#include "pro/pro_case.h"
#include "pro/pro_store.h"

#define DEMO_SPACE "pro-dermatologie"
#define CASE_TITLE "Lésion pigmentée du dos, avis dermoscopique"

static const struct {
	const char *handle, *email, *profession, *specialty, *rpps;
} pros[] = {
	{"dr.martin", "dr.martin@demo.entraide.invalid", "médecin", "médecine générale", "10003123451"},
	{"dr.leroy", "dr.leroy@demo.entraide.invalid", "médecin", "dermatologie", "10101010105"},
	{"inf.bernard", "inf.bernard@demo.entraide.invalid", "infirmière", "plaies et cicatrisation",
	 "10000000009"},
};

/* An approved verification (and so the role and the badge) for one professional. */
static enum ent_err verified(struct api_app *app, struct store_conn *db, size_t i, int64_t admin)
{
	int64_t id;
	struct pro_verification v;
	enum ent_err err = demo_account(app, db, pros[i].handle, pros[i].email, DEMO_PASSWORD,
					    "fr", NULL, NULL);
	if (!err)
		err = demo_account_id(db, pros[i].handle, &id);
	if (err)
		return err;
	err = pro_verif_approved(db, id, &v);
	if (err != ENT_ENOTFOUND)
		return err;
	struct pro_verification_new n = {id, pros[i].profession, pros[i].specialty, pros[i].rpps,
					 DEMO_INSTITUTION, clock_now()};
	int64_t vid;
	err = pro_verif_insert(db, &n, &vid);
	if (err)
		return err;
	struct pro_verif_decision d = {vid, "pending", "approved", "approve", "", "CHU Exemple",
				       admin, clock_now()};
	err = pro_verif_decide(db, &d);
	return err ? err : store_role_grant(db, id, "professional", NULL);
}

/* A 480x360 picture: skin tone, a darker irregular patch, a ruler mark. PNG in *out. */
static enum ent_err draw_lesion(void **out, size_t *len)
{
	enum { W = 480, H = 360 };
	png_image img;
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	img.width = W;
	img.height = H;
	img.format = PNG_FORMAT_RGB;
	unsigned char *px = malloc((size_t)W * H * 3);
	if (!px)
		return ENT_ENOMEM;
	for (int y = 0; y < H; y++) {
		for (int x = 0; x < W; x++) {
			unsigned char *p = px + ((size_t)y * W + x) * 3;
			double dx = (x - 250.0) / 95.0, dy = (y - 175.0) / 70.0;
			double a = atan2(dy, dx), r = sqrt(dx * dx + dy * dy);
			double edge = 1.0 + 0.12 * sin(5 * a) + 0.07 * sin(11 * a + 1.3);
			double shade = 0.04 * sin(x / 37.0) + 0.03 * cos(y / 23.0);
			if (r < edge) {
				double core = r < 0.45 * edge ? 0.6 : 1.0;
				p[0] = (unsigned char)(110 * core);
				p[1] = (unsigned char)(62 * core);
				p[2] = (unsigned char)(48 * core);
			} else {
				p[0] = (unsigned char)(222 * (1 + shade));
				p[1] = (unsigned char)(176 * (1 + shade));
				p[2] = (unsigned char)(150 * (1 + shade));
			}
			if (y > 320 && y < 328 && x > 40 && x < 440) /* a ruler, 1 cm per 40 px */
				p[0] = p[1] = p[2] = (x / 40) % 2 ? 250 : 30;
		}
	}
	png_alloc_size_t size = 0;
	enum ent_err err = ENT_EINTERNAL;
	if (png_image_write_to_memory(&img, NULL, &size, 0, px, 0, NULL) && size) {
		*out = malloc(size);
		if (*out && png_image_write_to_memory(&img, *out, &size, 0, px, 0, NULL)) {
			*len = size;
			err = ENT_OK;
		} else {
			free(*out);
			*out = NULL;
			err = ENT_ENOMEM;
		}
	}
	png_image_free(&img);
	free(px);
	return err;
}

struct find_ctx {
	int64_t id;
};

static void find_case(const struct pro_case *k, void *arg)
{
	struct find_ctx *c = arg;
	if (!strcmp(k->title, CASE_TITLE))
		c->id = k->id;
}

static enum ent_err demo_case(struct store_conn *db, const char *data_dir, int64_t author,
			      int64_t colleague)
{
	struct find_ctx f = {0};
	enum ent_err err = pro_case_each(db, find_case, &f);
	if (err || f.id)
		return err;
	/* in the communities' professional space when the demo has it (issue 5) */
	const char *space = pro_space_check(db, DEMO_SPACE) == ENT_OK ? DEMO_SPACE : NULL;
	struct pro_case_new n = {
		author, CASE_TITLE,
		"Patient de la cinquantaine, lésion pigmentée du dos apparue il y a quelques mois, "
		"asymétrique, bords irréguliers, deux teintes. Pas d'antécédent personnel. "
		"Exérèse d'emblée ou surveillance dermoscopique ?",
		space, "patient", "oral", "2026-11-20", clock_now() - 7200};
	int64_t id, answer, photo;
	err = pro_case_insert(db, &n, &id);
	if (!err)
		err = pro_answer_insert(db, id, colleague,
					"Asymétrie et polychromie : je proposerais une exérèse "
					"complète avec marges de 2 mm, puis histologie.",
					clock_now() - 3600, &answer);
	if (!err)
		err = pro_case_set_helpful(db, id, answer);
	void *png = NULL;
	size_t len = 0;
	if (!err)
		err = draw_lesion(&png, &len);
	if (err)
		return err;
	struct ent_img_result res = {0};
	struct ent_img_opts o;
	media_photo_opts(NULL, 0, &o);
	err = media_sanitize(png, len, &o, &res);
	free(png);
	if (!err) {
		struct pro_photo_new p = {id, author, "image/png", res.data, res.len, res.width,
					  res.height, (int)res.n_faces, 0, clock_now() - 7000};
		p.mime = res.format == ENT_IMG_PNG ? "image/png" : "image/jpeg";
		err = pro_photo_insert(db, data_dir, &p, &photo);
	}
	ent_img_result_clear(&res);
	if (!err) {
		struct pro_photo_review r = {photo, colleague, "approved", "", NULL, 0, 0,
					     clock_now() - 5000};
		err = pro_photo_review(db, data_dir, &r);
	}
	return err;
}

enum ent_err demo_pro(struct api_app *app, struct store_conn *db, FILE *out)
{
	int64_t admin, author, colleague;
	enum ent_err err = demo_account_id(db, "admin", &admin);
	for (size_t i = 0; !err && i < sizeof pros / sizeof pros[0]; i++)
		err = verified(app, db, i, admin);
	if (!err)
		err = demo_account_id(db, "dr.martin", &author);
	if (!err)
		err = demo_account_id(db, "dr.leroy", &colleague);
	if (!err)
		err = demo_case(db, app->cfg.data, author, colleague);
	if (err)
		return err;
	fprintf(out, "Réseau professionnel / professional network (mot de passe / password: %s)\n",
		DEMO_PASSWORD);
	for (size_t i = 0; i < sizeof pros / sizeof pros[0]; i++)
		fprintf(out, "  %-14s %s, %s — RPPS vérifié par CHU Exemple\n", pros[i].handle,
			pros[i].profession, pros[i].specialty);
	fprintf(out, "  un cas relu avec photo / a reviewed case with a photo: \"%s\"\n", CASE_TITLE);
	return ENT_OK;
}
