# community.mk - the communities (issue 5): the benchmark's generator of a large community
# (bench/community/run.sh builds it; not part of `make check`).
$(BUILD)/bench/comm_gen: bench/community/gen_posts.c $(BUILD)/libentraide.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< -o $@.o -c
	$(CXX) $(LDFLAGS) -o $@ $@.o $(BUILD)/libentraide.a $(PKG_LIBS) $(LIBS)

.PHONY: bench-community
bench-community: $(BUILD)/entraide $(BUILD)/bench/comm_gen
	bench/community/run.sh $(BUILD)
