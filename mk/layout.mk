# layout.mk - the layout check (issue 14, CHECK_EXTRA): src/api/ holds no SQL, no MHD_, no
# sqlite3 and no demo; SQLite-only SQL stays in the SQLite back end and the migrations; no
# source file of src/ is over 900 lines (tests/layout/check.py says each rule). The self-test
# first shows that every rule still catches a tree that breaks it.
.PHONY: layout-check
layout-check:
	@python3 tests/layout/check.py --self-test
	@python3 tests/layout/check.py .

CHECK_EXTRA += layout-check
