# plans.mk - every named statement's query plan under test (issue 13, CHECK_EXTRA).
# scripts/list_stmts.py collects the statements of src/ into a table; tests/plans/run.sh fills
# a database with the benchmark generators (scaled down: seconds) and check_plans fails on a
# full scan of a growing table or a temporary B-tree sorting one, outside its allow-list.
STMT_SRC := $(sort $(shell find src -name '*.c'))

$(BUILD)/gen/store_stmt_list.h: $(STMT_SRC) scripts/list_stmts.py
	@mkdir -p $(@D)
	python3 scripts/list_stmts.py $@ $(STMT_SRC)

$(BUILD)/tests/plans/check_plans: tests/plans/check_plans.c $(BUILD)/gen/store_stmt_list.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings $< -o $@ $(shell pkg-config --libs sqlite3)

.PHONY: query-plans
query-plans: $(BUILD)/entraide $(BUILD)/bench/comm_gen $(BUILD)/bench/members_gen \
		$(BUILD)/tests/plans/check_plans
	tests/plans/run.sh $(BUILD)
CHECK_EXTRA += query-plans
