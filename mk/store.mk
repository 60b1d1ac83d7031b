# store.mk - embeds the SQL migrations (src/store/migrations/NNNN_name.sql) into the library.
# Number ranges: 0001-0099 foundation, 0100-0199 communities, 0200-0299 desk,
# 0300-0399 professionals, 0400-0499 media.
MIGRATIONS := $(sort $(wildcard src/store/migrations/*.sql))
GEN_SRC += $(BUILD)/gen/store_migrations.c

$(BUILD)/gen/store_migrations.c: $(MIGRATIONS) scripts/embed.py src/store/migrations
	@mkdir -p $(@D)
	python3 scripts/embed.py migrations $@ $(MIGRATIONS)
