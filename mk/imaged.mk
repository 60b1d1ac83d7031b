# imaged.mk - entraide-imaged, the sandboxed picture worker (src/cli/imaged/): the only program
# that links the codecs and face detectors. `entraide` hands every picture to it through the
# picture pool (src/cli/cli_image_remote.c, img_pool.c), which runs it from the directory of
# the running `entraide` ($ENTRAIDE_IMAGED overrides): build/entraide-imaged, or wherever both
# are installed side by side. Built with `entraide`, so `make`, `make run` and the tests have it.
IMAGED := $(BUILD)/entraide-imaged
$(IMAGED): $(BUILD)/obj/src/cli/imaged/imaged_main.o $(BUILD)/libentraide.a
	$(CXX) $(LDFLAGS) -o $@ $< $(BUILD)/libentraide.a $(PKG_LIBS) $(LIBS)

all: $(IMAGED)
$(BUILD)/entraide: $(IMAGED)
