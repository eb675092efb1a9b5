package io.evaljobs.priming;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/** This JVM's compiler, read through its management bean: those classes load at the first reading, at a checkpoint. */
final class JvmCompilerWork implements CompilerWork {
  @Override
  public OptionalLong elapsedMillis() {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    return compiler != null && compiler.isCompilationTimeMonitoringSupported()
        ? OptionalLong.of(compiler.getTotalCompilationTime())
        : OptionalLong.empty();
  }
}
