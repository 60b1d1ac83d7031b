# learn.mk - embeds the shipped courses and the demo prevention campaigns (content/courses/,
# one JSON file per course and language, written for the project; issue 21) into the library:
# they reach the database at start when missing (courses) and with `entraide demo` (campaigns).
LEARN_CONTENT := $(sort $(wildcard content/courses/*.json))
GEN_SRC += $(BUILD)/gen/learn_content.c

$(BUILD)/gen/learn_content.c: $(LEARN_CONTENT) scripts/embed.py
	@mkdir -p $(@D)
	python3 scripts/embed.py web $@ content/courses learn_content_files
