package dev.adjointgreeks.batch;

import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.scenario.Limits;
import dev.adjointgreeks.scenario.ScenarioRow;

/** The work one row may ask for, checked before it is scheduled. */
final class WorkLimits {

    private WorkLimits() {
    }

    /** A Monte Carlo trade whose paths times normals per path pass {@link Limits#MAX_NORMALS}, or null. */
    static ScenarioRow.Rejected tooMuchWork(Method method, ScenarioRow.Parsed p, RunSettings settings) {
        if (method == Method.ANALYTIC) {
            return null;
        }
        long paths = p.trade().pathsFor(settings.paths());
        long perPath = p.trade().problem().dimension();
        if (perPath > 0 && paths > Limits.MAX_NORMALS / perPath) {
            return new ScenarioRow.Rejected(p.source(), p.trade().id(), "paths", paths + " paths of " + perPath
                    + " normals each pass the limit of " + Limits.MAX_NORMALS + " normals per trade (lower paths or steps)",
                    Long.toString(paths));
        }
        return null;
    }
}
