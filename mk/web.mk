# web.mk - embeds the web front end (web/) into the binary, so it serves itself with no files
# beside it; `serve --web DIR` serves a directory instead (for front-end work).
# Files made by the build (WEB_GEN_FILES under WEB_GEN_ROOT, added by other fragments: the
# privacy module's WebAssembly) go into a second table, so that editing web/ does not embed
# them again.
WEB_FILES := $(shell find web -type f ! -name '.*' 2>/dev/null)
WEB_DIRS  := $(shell find web -type d 2>/dev/null)
GEN_SRC += $(BUILD)/gen/web_files.c $(BUILD)/gen/web_gen_files.c

$(BUILD)/gen/web_files.c: $(WEB_FILES) $(WEB_DIRS) scripts/embed.py
	@mkdir -p $(@D)
	python3 scripts/embed.py web $@ web

$(BUILD)/gen/web_gen_files.c: $(WEB_GEN_FILES) scripts/embed.py
	@mkdir -p $(@D)
	python3 scripts/embed.py web $@ $(if $(WEB_GEN_FILES),$(WEB_GEN_ROOT),$(BUILD)/no-web-gen) http_web_gen_files
