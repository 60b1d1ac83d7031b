/*
 * pro_text.c - what cases need from the text engine: the engine (made once, shared). Their photos are sanitized and stored as every picture is
 * (media/media.h).
 * Not responsible for: storing photos or deciding who sees them (pro_case.c, api_case*.c).
 */
#include <pthread.h>

#include "pro/pro.h"

static struct ent_priv_engine *text_engine;
static enum ent_err text_err;
static pthread_once_t text_once = PTHREAD_ONCE_INIT;

static void text_make(void)
{
	text_err = ent_priv_engine_new(&text_engine);
}

enum ent_err pro_text_engine(const struct ent_priv_engine **out)
{
	pthread_once(&text_once, text_make);
	*out = text_engine;
	return text_err;
}
