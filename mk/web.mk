# web.mk - embeds the web front end (web/) into the binary, so it serves itself with no files
# beside it; `serve --web DIR` serves a directory instead (for front-end work).
WEB_FILES := $(shell find web -type f ! -name '.*' 2>/dev/null)
WEB_DIRS  := $(shell find web -type d 2>/dev/null)
GEN_SRC += $(BUILD)/gen/web_files.c

$(BUILD)/gen/web_files.c: $(WEB_FILES) $(WEB_DIRS) scripts/embed.py
	@mkdir -p $(@D)
	python3 scripts/embed.py web $@ web
