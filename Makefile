# sam build runs `make build-<LogicalId>` here for each function of template.yaml (Metadata: BuildMethod: makefile,
# CodeUri: .) with ARTIFACTS_DIR set. Each target packages its function's module with Maven, unless the shaded jar
# is newer than every source it is made of, and unpacks the jar into ARTIFACTS_DIR: the classes at the root, as
# Lambda unpacks a zip into its task root. Requires a JDK (jar) and the Maven wrapper beside this file.

MVNW ?= ./mvnw
JAR ?= $(if $(JAVA_HOME),$(JAVA_HOME)/bin/jar,jar)

# What a function's jar is made of: the parent pom, then the pom and main sources of core, runtime, the class list
# tool that trains it, the other modules it depends on ($(2)) and its own module.
module_sources = $(foreach module,$(1),$(module)/pom.xml $(shell find $(module)/src/main -type f))
function_sources = pom.xml \
  $(call module_sources,functions/core functions/runtime infra/class-lists $(2) functions/$(1))

functions/authorizer/target/authorizer-function.jar: $(call function_sources,authorizer)
	$(MVNW) -q -pl functions/authorizer -am package -DskipTests

functions/evaluations/target/evaluations-function.jar: $(call function_sources,evaluations,functions/listing)
	$(MVNW) -q -pl functions/evaluations -am package -DskipTests

# The counts function is made of the evaluations module's table layouts as well.
functions/counts/target/counts-function.jar: $(call function_sources,counts,functions/listing) \
  functions/evaluations/pom.xml $(shell find functions/evaluations/src/main -type f)
	$(MVNW) -q -pl functions/counts -am package -DskipTests

functions/scoring-jobs/target/scoring-jobs-function.jar: $(call function_sources,scoring-jobs,functions/listing)
	$(MVNW) -q -pl functions/scoring-jobs -am package -DskipTests

# $(1): the function's jar. ARTIFACTS_DIR is emptied first: sam build may reuse it.
define lay_out
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)"
	find "$(ARTIFACTS_DIR)" -mindepth 1 -delete
	cd "$(ARTIFACTS_DIR)" && "$(JAR)" xf "$(CURDIR)/$(1)"
endef

build-AuthorizerFunction: functions/authorizer/target/authorizer-function.jar
	$(call lay_out,$<)

build-EvaluationsFunction: functions/evaluations/target/evaluations-function.jar
	$(call lay_out,$<)

build-EvaluationCountsFunction: functions/counts/target/counts-function.jar
	$(call lay_out,$<)

build-ScoringJobsFunction: functions/scoring-jobs/target/scoring-jobs-function.jar
	$(call lay_out,$<)

.PHONY: build-AuthorizerFunction build-EvaluationsFunction build-EvaluationCountsFunction build-ScoringJobsFunction
