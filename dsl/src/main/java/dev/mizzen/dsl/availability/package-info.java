/** Keeping workloads available and sized: PodDisruptionBudgets and HorizontalPodAutoscalers. */
@MizzenStyle
package dev.mizzen.dsl.availability;

import dev.mizzen.style.MizzenStyle;
