/* test_config.c - config file, environment and value checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"

static char *write_tmp(const char *text)
{
	static char path[] = "/tmp/entraide-config-XXXXXX";
	strcpy(path, "/tmp/entraide-config-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void defaults(void **state)
{
	struct config c;
	config_defaults(&c);
	assert_string_equal(c.data, "./var");
	assert_string_equal(c.host, "127.0.0.1");
	assert_int_equal(c.port, 8080);
	assert_true(c.registration_open);
}

static void values(void **state)
{
	struct config c;
	config_defaults(&c);
	assert_int_equal(config_set(&c, "listen", "0.0.0.0:9000"), ENT_OK);
	assert_string_equal(c.host, "0.0.0.0");
	assert_int_equal(c.port, 9000);
	assert_int_equal(config_set(&c, "listen", "[::1]:80"), ENT_OK);
	assert_string_equal(c.host, "::1");
	assert_int_equal(config_set(&c, "listen", "host"), ENT_EINVAL);
	assert_int_equal(config_set(&c, "listen", "h:99999"), ENT_EINVAL);
	assert_int_equal(config_set(&c, "listen", "h:-1"), ENT_EINVAL);
	assert_int_equal(config_set(&c, "threads", "x"), ENT_EINVAL);
	assert_int_equal(config_set(&c, "trust_proxy_tls", "yes"), ENT_OK);
	assert_true(c.trust_proxy_tls);
	assert_int_equal(config_set(&c, "trust_proxy_tls", "maybe"), ENT_EINVAL);
	assert_int_equal(config_set(&c, "nope", "1"), ENT_EINVAL);
	assert_string_equal(c.database, "");
	assert_int_equal(config_set(&c, "database", "postgresql:///entraide?host=/run/pg"), ENT_OK);
	assert_string_equal(c.database, "postgresql:///entraide?host=/run/pg");
	assert_int_equal(config_set(&c, "database", "postgres://db.example/entraide"), ENT_OK);
	assert_int_equal(config_set(&c, "database", "var/entraide.db"), ENT_EINVAL); /* --data */
	assert_string_equal(c.database, "postgres://db.example/entraide");
	assert_int_equal(config_set(&c, "database", ""), ENT_OK);
	assert_string_equal(c.database, "");
	char big[2000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(config_set(&c, "data", big), ENT_ETOOBIG);
}

static void file_then_env(void **state)
{
	struct config c;
	int line;
	config_defaults(&c);
	char *p = write_tmp("# comment\n\n  data = /srv/entraide  \nlisten=127.0.0.1:1234\nname = \"CHU Exemple\"\n");
	assert_int_equal(config_load_file(&c, p, &line), ENT_OK);
	unlink(p);
	assert_string_equal(c.data, "/srv/entraide");
	assert_int_equal(c.port, 1234);
	assert_string_equal(c.name, "CHU Exemple");
	setenv("ENTRAIDE_LISTEN", "127.0.0.1:4321", 1);
	assert_int_equal(config_load_env(&c, NULL), ENT_OK);
	unsetenv("ENTRAIDE_LISTEN");
	assert_int_equal(c.port, 4321);
	setenv("ENTRAIDE_THREADS", "lots", 1);
	const char *bad = NULL;
	assert_int_equal(config_load_env(&c, &bad), ENT_EINVAL);
	assert_string_equal(bad, "threads");
	unsetenv("ENTRAIDE_THREADS");
	p = write_tmp("data = x\nthis line is wrong\n");
	assert_int_equal(config_load_file(&c, p, &line), ENT_EINVAL);
	assert_int_equal(line, 2);
	unlink(p);
	assert_int_equal(config_load_file(&c, "/nonexistent/entraide.conf", &line), ENT_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(values),
		cmocka_unit_test(file_then_env),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
