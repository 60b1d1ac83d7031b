# migrate_db.mk - `entraide admin migrate-db` under test (issue 16, CHECK_EXTRA): the demo
# instance moved from SQLite into a throwaway PostgreSQL cluster's empty database
# (scripts/pg-test-cluster.sh) serves the same pages as the original
# (tests/migrate/migrate_db.test.mjs). Skipped, saying so, where PostgreSQL is not installed.
CHECK_EXTRA += pg-migrate-test
.PHONY: pg-migrate-test
pg-migrate-test: $(BIN)
	@if scripts/pg-test-cluster.sh available; then \
		ENTRAIDE_BIN=$(BIN) scripts/pg-test-cluster.sh run \
			node --test --test-concurrency=1 tests/migrate/; \
	else echo "pg-migrate-test: PostgreSQL is not installed (scripts/install-deps.sh --check): skipped"; fi
