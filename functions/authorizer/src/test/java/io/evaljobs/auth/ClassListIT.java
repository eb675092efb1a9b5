package io.evaljobs.auth;

import io.evaljobs.preload.ClassListAssertions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class list the build trained into the deployable jar: what the handler preloads while its client is built. */
class ClassListIT {
  @Test
  void artifact_listsTheRequestPathClasses_allOfThemInTheJarOrTheJdk() throws Exception {
    ClassListAssertions.assertTrainedList(
        Path.of("target", "authorizer-function.jar"),
        ApiKeyAuthorizerHandler.class.getName(),
        List.of(
            "software.amazon.awssdk.services.dynamodb.model.GetItemResponse",
            com.amazonaws.services.lambda.runtime.events.IamPolicyResponse.class.getName(),
            "org.apache.hc.core5.http.impl.io.ContentLengthInputStream"));
  }

  @Test
  void artifact_holdsNoClassOfTheBuildStepThatTrainedItsList() throws Exception {
    ClassListAssertions.assertHoldsNoTrainingTool(
        Path.of("target", "authorizer-function.jar"), ApiKeyAuthorizerHandler.class.getName());
  }
}
