# members.mk - members at scale (issue 13): the generator of logged-in members (sessions,
# follows, notifications, reactions) over bench/community's posts, and bench/members/run.sh.
# Not part of `make check` (the query-plan test of mk/plans.mk runs the generator scaled down).
$(BUILD)/bench/members_gen: bench/members/gen_members.c $(BUILD)/libentraide.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< -o $@.o -c
	$(CXX) $(LDFLAGS) -o $@ $@.o $(BUILD)/libentraide.a $(PKG_LIBS) $(LIBS)

.PHONY: bench-members
bench-members: $(BUILD)/entraide $(BUILD)/bench/comm_gen $(BUILD)/bench/members_gen
	bench/members/run.sh $(BUILD)
