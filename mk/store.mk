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

# Which named statements of src/ PostgreSQL does not prepare yet (issue 16: the SQLite-only
# syntax issue 14 moves out), listed by tests/plans/pg_stmts.c in a throwaway cluster.
$(BUILD)/tests/plans/pg_stmts: tests/plans/pg_stmts.c $(BUILD)/gen/store_stmt_list.h $(BUILD)/libentraide.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings $< -o $@.o -c
	$(CXX) $(LDFLAGS) -o $@ $@.o $(LIBENT) $(PKG_LIBS) $(LIBS)

.PHONY: pg-stmts
pg-stmts: $(BUILD)/tests/plans/pg_stmts
	scripts/pg-test-cluster.sh run sh -c '$(BUILD)/tests/plans/pg_stmts "$$ENTRAIDE_PG_URL" 2>/dev/null'
