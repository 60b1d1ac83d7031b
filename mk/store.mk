# store.mk - embeds the SQL migrations (src/store/migrations/NNNN_name.sql, and
# NNNN_name.pg.sql beside one where PostgreSQL needs other SQL) into the library.
# Number ranges: 0001-0099 foundation, 0100-0199 communities, 0200-0299 desk,
# 0300-0399 professionals, 0400-0499 media.
MIGRATIONS := $(sort $(wildcard src/store/migrations/*.sql))
GEN_SRC += $(BUILD)/gen/store_migrations.c

$(BUILD)/gen/store_migrations.c: $(MIGRATIONS) scripts/embed.py src/store/migrations
	@mkdir -p $(@D)
	python3 scripts/embed.py migrations $@ $(MIGRATIONS)

# The store unit tests again on PostgreSQL (issue 16): one throwaway cluster for the run
# (scripts/pg-test-cluster.sh), an empty database per test program. Skipped, saying so, where
# Debian's postgresql is not installed (scripts/install-deps.sh --check installs it).
# Part of make check (CHECK_EXTRA); the cluster is stopped and removed when the tests end.
CHECK_EXTRA += pg-unit
PG_UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,$(wildcard tests/unit/store/test_*.c))
.PHONY: pg-unit
pg-unit: $(PG_UNIT_BIN)
	@if scripts/pg-test-cluster.sh available; then \
		scripts/pg-test-cluster.sh run tests/run_unit.sh $(BUILD)/tests/unit/store; \
	else echo "pg-unit: PostgreSQL is not installed (scripts/install-deps.sh --check): skipped"; fi

# Every named statement of src/ must prepare on PostgreSQL too (issue 16): tests/plans/pg_stmts.c
# lists those it refuses (SQLite-only syntax outside src/store/store_sqlite*.c, a parameter
# PostgreSQL cannot type) in a throwaway cluster. In make check (CHECK_EXTRA).
CHECK_EXTRA += pg-stmts
$(BUILD)/tests/plans/pg_stmts: tests/plans/pg_stmts.c $(BUILD)/gen/store_stmt_list.h $(BUILD)/libentraide.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings $< -o $@.o -c
	$(CXX) $(LDFLAGS) -o $@ $@.o $(LIBENT) $(PKG_LIBS) $(LIBS)

.PHONY: pg-stmts
pg-stmts: $(BUILD)/tests/plans/pg_stmts
	@if scripts/pg-test-cluster.sh available; then \
		scripts/pg-test-cluster.sh run sh -c '$(BUILD)/tests/plans/pg_stmts "$$ENTRAIDE_PG_URL" 2>/dev/null'; \
	else echo "pg-stmts: PostgreSQL is not installed (scripts/install-deps.sh --check): skipped"; fi

# The API suite on PostgreSQL (issue 16): one throwaway cluster for the run, a fresh database
# per test server (tests/lib/server.mjs; the demo data made once as a template database); the
# commands and the sqlite3 a test runs on a data directory reach its database
# (tests/lib/pg_entraide.sh, tests/lib/pg_bin/sqlite3). Files run as in api-test (the "test
# alone" ones first); tests/api/pg_nodes.test.mjs runs two nodes on one database. In make
# check (CHECK_EXTRA). Tests that cannot run there say why (onPostgres, tests/lib/server.mjs):
# backups are pg_dump's; the bytes of entraide.db; SQLite-only SQL run through sqlite3.
CHECK_EXTRA += pg-api-test
.PHONY: pg-api-test
pg-api-test: $(BIN)
	@if scripts/pg-test-cluster.sh available; then \
		rm -rf $(BUILD)/test-demo/pg-api; \
		PATH="$(CURDIR)/tests/lib/pg_bin:$$PATH" ENTRAIDE_BIN=$(BIN) \
		ENTRAIDE_DEMO_CACHE=$(BUILD)/test-demo/pg-api scripts/pg-test-cluster.sh run sh -c '\
		rc=0; \
		$(if $(API_ALONE),node --test --test-concurrency=1 $(API_ALONE) || rc=1;) \
		node --test --test-concurrency=$(API_JOBS) \
			$(filter-out $(API_ALONE),$(API_TESTS)) || rc=1; \
		exit $$rc'; \
	else echo "pg-api-test: PostgreSQL is not installed (scripts/install-deps.sh --check): skipped"; fi
