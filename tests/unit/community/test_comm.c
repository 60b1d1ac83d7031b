/* test_comm.c - the community engine: safe Markdown, the publishing check's description,
 * search terms and queries, article signatures (canonical form, tampering, sealed keys). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "community/comm.h"
#include "policy/policy_space.h"

static char *render(const char *md)
{
	char *html = NULL;
	assert_int_equal(comm_md_render(md, strlen(md), &html), ENT_OK);
	assert_non_null(html);
	return html;
}

static void markdown_is_safe(void **state)
{
	(void)state;
	char *h = render("hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n"
			 "[a](javascript:alert(1)) [b](https://example.org) ![pic](https://evil.example/p.png)");
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "<img"));
	assert_null(strstr(h, "javascript:"));
	assert_non_null(strstr(h, "<a rel=\"nofollow noopener ugc\" href=\"https://example.org\">b</a>"));
	assert_non_null(strstr(h, "href=\"https://evil.example/p.png\">pic</a>"));
	free(h);
	h = render("");
	assert_string_equal(h, "");
	free(h);
	/* many images: all become links */
	char md[1024] = "";
	for (int i = 0; i < 70; i++)
		strcat(md, "![x](/a) ");
	assert_true(strlen(md) < sizeof md);
	h = render(md);
	assert_null(strstr(h, "<img"));
	free(h);
	/* invalid UTF-8 does not crash */
	h = render("\xff\xfe bad \xc3");
	free(h);
}

static void check_describes_findings(void **state)
{
	(void)state;
	const char *text = "Ma fille Léa a eu son diagnostic à Villeurbanne.";
	struct comm_check c;
	assert_int_equal(comm_check_run(text, strlen(text), "fr", &c), ENT_OK);
	assert_true(c.n_direct >= 1);
	struct buf b;
	buf_init(&b, 8192);
	comm_check_json(&b, &c, "body", text);
	assert_non_null(strstr(b.p, "\"category\":\"name\""));
	assert_non_null(strstr(b.p, "\"excerpt\":\"Léa\""));
	buf_clear(&b);
	comm_check_clear(&c);
	char *red = NULL;
	size_t len = 0;
	assert_int_equal(comm_check_redact(text, strlen(text), "fr", &red, &len), ENT_OK);
	assert_null(strstr(red, "Léa"));
	free(red);
	assert_int_equal(comm_check_run("\xff", 1, "fr", &c), ENT_EUTF8);
}

static void terms_and_queries(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	assert_int_equal(comm_terms("Les pompes à insuline", 22, "fr", &b), ENT_OK);
	assert_non_null(strstr(b.p, "pomp"));
	assert_non_null(strstr(b.p, "insulin"));
	buf_clear(&b);
	assert_int_equal(comm_query("pumps \"; DROP", 13, false, &b), ENT_OK);
	assert_non_null(strstr(b.p, "\"pump\""));
	assert_non_null(strstr(b.p, " AND "));
	assert_null(strstr(b.p, ";"));
	buf_clear(&b);
	assert_int_equal(comm_query("a de la", 7, true, &b), ENT_OK);
	assert_int_equal(b.len, 0); /* short words do not count for related articles */
	buf_clear(&b);
	/* nor function words, whatever their case or accents: only the title's own words */
	static const char title[] = "Je note mes questions POUR la prochaine consultation, Être avec";
	assert_int_equal(comm_query(title, sizeof title - 1, true, &b), ENT_OK);
	assert_non_null(strstr(b.p, "\"consult"));
	assert_non_null(strstr(b.p, "\"question"));
	assert_null(strstr(b.p, "\"pour"));
	assert_null(strstr(b.p, "\"avec"));
	assert_null(strstr(b.p, "\"etre"));
	assert_null(strstr(b.p, "\"être"));
	buf_clear(&b);
	assert_int_equal(comm_query("what about this", 15, true, &b), ENT_OK);
	assert_int_equal(b.len, 0);
	buf_clear(&b);
	/* the words left out do not count towards the query's twelve */
	static const char wordy[] = "Pour avec dans sans mais donc comme plus moins tout tous cette "
				    "elle nous vous leur insuline";
	assert_int_equal(comm_query(wordy, sizeof wordy - 1, true, &b), ENT_OK);
	assert_non_null(strstr(b.p, "\"insulin"));
	buf_clear(&b);
	/* a member's own search keeps every word (all of them must match) */
	assert_int_equal(comm_query("pour", 4, false, &b), ENT_OK);
	assert_non_null(strstr(b.p, "\"pour\""));
	buf_clear(&b);
	assert_int_equal(comm_query("\xff", 1, false, &b), ENT_EUTF8);
	buf_clear(&b);
}

static void signatures(void **state)
{
	(void)state;
	assert_true(sodium_init() >= 0);
	unsigned char seal[32], pk[COMM_PK_BYTES], sealed[COMM_SEALED_BYTES], sig[COMM_SIG_BYTES];
	randombytes_buf(seal, sizeof seal);
	assert_int_equal(comm_key_new(seal, pk, sealed), ENT_OK);
	struct comm_article a = {"chu-exemple", "editor", 1, "2026-11-29", "2026-11-29", "fr",
				 "Titre", "Corps **gras**"};
	assert_int_equal(comm_sign(seal, sealed, sizeof sealed, &a, sig), ENT_OK);
	assert_int_equal(comm_verify(pk, &a, sig), ENT_OK);
	struct comm_article t = a;
	t.body = "Corps **gras* ";
	assert_int_equal(comm_verify(pk, &t, sig), ENT_ECRYPTO);
	t = a;
	t.version = 2;
	assert_int_equal(comm_verify(pk, &t, sig), ENT_ECRYPTO);
	/* fields cannot run into each other */
	t = a;
	t.title = "TitreCorps";
	t.body = " **gras**";
	assert_int_equal(comm_verify(pk, &t, sig), ENT_ECRYPTO);
	/* a wrong sealing key cannot sign */
	seal[0] ^= 1;
	assert_int_equal(comm_sign(seal, sealed, sizeof sealed, &a, sig), ENT_ECRYPTO);
	char b64[128];
	size_t n = 0;
	unsigned char back[COMM_PK_BYTES];
	assert_int_equal(comm_b64_encode(pk, sizeof pk, b64, sizeof b64), ENT_OK);
	assert_int_equal(comm_b64_decode(b64, strlen(b64), back, sizeof back, &n), ENT_OK);
	assert_int_equal(n, sizeof pk);
	assert_memory_equal(back, pk, sizeof pk);
	assert_int_equal(comm_b64_decode("!!", 2, back, sizeof back, &n), ENT_EFORMAT);
}

static void visibility_policy(void **state)
{
	(void)state;
	enum space_visibility v;
	assert_true(policy_space_visibility_parse("members", &v));
	assert_int_equal(v, SPACE_MEMBERS);
	assert_false(policy_space_visibility_parse("secret", &v));
	assert_true(policy_space_can_read(SPACE_PUBLIC, ROLE_ANON));
	assert_false(policy_space_can_write(SPACE_PUBLIC, ROLE_ANON));
	assert_false(policy_space_can_read(SPACE_MEMBERS, ROLE_ANON));
	assert_true(policy_space_can_write(SPACE_MEMBERS, ROLE_MEMBER));
	assert_false(policy_space_can_read(SPACE_PROFESSIONALS, ROLE_MEMBER | ROLE_MODERATOR));
	assert_true(policy_space_can_write(SPACE_PROFESSIONALS, ROLE_MEMBER | ROLE_PROFESSIONAL));
	assert_false(policy_space_can_read((enum space_visibility)42, ROLE_ALL_ACCOUNTS));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(markdown_is_safe),
		cmocka_unit_test(check_describes_findings),
		cmocka_unit_test(terms_and_queries),
		cmocka_unit_test(signatures),
		cmocka_unit_test(visibility_policy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
