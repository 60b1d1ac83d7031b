/*
 * comm_markdown.c - Markdown to HTML for posts and articles, with cmark in safe mode.
 * Raw HTML never passes (cmark replaces it with a comment) and javascript:/data: URLs are
 * dropped by cmark's safe mode. Images become links to the image, so that reading a post never
 * makes the reader's browser contact another server (the CSP forbids it anyway). Links carry
 * rel="nofollow noopener ugc".
 */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "community/comm.h"

/* Replaces each image node by a link with the same destination and children. */
static enum ent_err unimage(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	if (!it)
		return ENT_ENOMEM;
	cmark_node *pending[64];
	size_t n = 0;
	enum ent_err err = ENT_OK;
	cmark_event_type ev;
	for (;;) {
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *node = cmark_iter_get_node(it);
			if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_IMAGE &&
			    n < sizeof pending / sizeof pending[0])
				pending[n++] = node;
		}
		if (n == 0)
			break;
		for (size_t i = 0; i < n && !err; i++) {
			cmark_node *img = pending[i];
			cmark_node *a = cmark_node_new(CMARK_NODE_LINK);
			if (!a) {
				err = ENT_ENOMEM;
				break;
			}
			cmark_node_set_url(a, cmark_node_get_url(img));
			cmark_node *child;
			while ((child = cmark_node_first_child(img)) != NULL) {
				cmark_node_unlink(child);
				cmark_node_append_child(a, child);
			}
			if (!cmark_node_first_child(a)) {
				cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
				cmark_node_set_literal(t, "image");
				cmark_node_append_child(a, t);
			}
			cmark_node_insert_before(img, a);
			cmark_node_free(img);
		}
		/* More than 64 images: walk again until none is left. */
		if (err || n < sizeof pending / sizeof pending[0])
			break;
		n = 0;
		cmark_iter_reset(it, doc, CMARK_EVENT_ENTER);
	}
	cmark_iter_free(it);
	return err;
}

enum ent_err comm_md_render(const char *md, size_t len, char **html)
{
	*html = NULL;
	cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8);
	if (!doc)
		return ENT_ENOMEM;
	enum ent_err err = unimage(doc);
	char *raw = err ? NULL : cmark_render_html(doc, CMARK_OPT_SAFE);
	cmark_node_free(doc);
	if (err)
		return err;
	if (!raw)
		return ENT_ENOMEM;
	/* In safe mode the only "<a href=" in the output are links cmark wrote (text is escaped). */
	static const char from[] = "<a href=", to[] = "<a rel=\"nofollow noopener ugc\" href=";
	struct buf b;
	buf_init(&b, strlen(raw) * 5 + 64); /* each "<a href=" (8 bytes) grows to 36 */
	const char *p = raw, *hit;
	while ((hit = strstr(p, from)) != NULL) {
		buf_append(&b, p, (size_t)(hit - p));
		buf_puts(&b, to);
		p = hit + sizeof from - 1;
	}
	buf_puts(&b, p);
	free(raw);
	if (buf_err(&b)) {
		err = buf_err(&b);
		buf_clear(&b);
		return err;
	}
	*html = buf_detach(&b, NULL);
	if (!*html)
		*html = strdup("");
	return *html ? ENT_OK : ENT_ENOMEM;
}
