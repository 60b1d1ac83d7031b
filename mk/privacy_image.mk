# Photo sanitizer (src/privacy/image/): OpenCV objdetect + imgproc for the Haar/LBP face
# cascades, dlib for its HOG face detector (its headers call LAPACK/BLAS, as dlib-1.pc says).
# Only the modules used, not the whole opencv4 list.
CPPFLAGS += -I/usr/include/opencv4
LIBS += -lopencv_objdetect -lopencv_imgproc -lopencv_core -ldlib -llapack -lblas

# dlib's face model in plain serialised form, made at build time from the installed libdlib
# (loads in ~2 ms instead of ~2 s for get_frontal_face_detector()).
GEN_SRC += $(BUILD)/gen/img_face_model.c
$(BUILD)/host/gen_face_model: tools/gen_face_model.cc
	@mkdir -p $(@D)
	$(CXX) -O1 -std=c++17 $< -o $@ -ldlib -llapack -lblas -lpthread

$(BUILD)/gen/img_face_model.c: $(BUILD)/host/gen_face_model
	@mkdir -p $(@D)
	$< >$@.tmp && mv $@.tmp $@

# Face detector evaluation tool (bench/image/faces_eval.py drives it; not part of `make check`).
$(BUILD)/bench/faces_eval: bench/image/faces_eval.c $(BUILD)/libentraide.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< -o $@.o -c
	$(CXX) $(LDFLAGS) -o $@ $@.o $(BUILD)/libentraide.a $(PKG_LIBS) $(LIBS)

# Evaluations on the shared fixtures (only run by `make eval` when $(SHARED) exists).
EVAL_TARGETS += eval-image eval-image-faces
.PHONY: eval-image eval-image-faces
eval-image: $(BUILD)/entraide
	$(SHARED)/tools/run_image_eval.sh --out $(BUILD)/eval-image -- '$(BUILD)/entraide sanitize {in} {out}'

eval-image-faces: $(BUILD)/entraide
	$(SHARED)/tools/run_image_eval.sh --faces --fixtures $(SHARED)/data/faces \
		--out $(BUILD)/eval-image-faces -- '$(BUILD)/entraide sanitize --faces cover {in} {out}'

# Our own fixtures, made at test time in a temp dir (always runs; uses ../shared's checker
# too when it is there).
CHECK_EXTRA += check-image-fixtures
.PHONY: check-image-fixtures
check-image-fixtures: $(BUILD)/entraide
	python3 tests/image/fixtures.py $(BUILD)/entraide $(if $(wildcard $(SHARED)/tools/check_sanitized.sh),$(SHARED))
