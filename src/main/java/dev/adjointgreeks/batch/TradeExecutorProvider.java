package dev.adjointgreeks.batch;

/**
 * A kind of {@link TradeExecutor}, found at run time with {@link java.util.ServiceLoader}: list
 * the implementation in {@code META-INF/services/dev.adjointgreeks.batch.TradeExecutorProvider}.
 * The provider class must load without its executor's dependencies (for example Spark); it says
 * what is missing by throwing {@link ExecutorUnavailableException} from {@link #create}.
 */
public interface TradeExecutorProvider {

    /** The word after {@code --executor}, e.g. {@code local} or {@code spark}. */
    String name();

    /**
     * Starts an executor.
     *
     * @throws ExecutorUnavailableException when its dependencies are missing or it cannot start
     *                                      (a cluster that cannot be reached); exit code 2
     */
    TradeExecutor create(ExecutorOptions options) throws ExecutorUnavailableException;
}
