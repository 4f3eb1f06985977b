package dev.adjointgreeks.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Map;

import dev.adjointgreeks.batch.TradeTask;
import dev.adjointgreeks.crif.CrifMarket;
import dev.adjointgreeks.scenario.MarketTags;
import dev.adjointgreeks.crif.CrifRow;
import dev.adjointgreeks.crif.CrifRows;
import dev.adjointgreeks.crif.CrifWriter;
import dev.adjointgreeks.curve.Pillar;
import dev.adjointgreeks.engine.Greek;
import dev.adjointgreeks.engine.GreekCatalogue;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.InputBlock;
import dev.adjointgreeks.scenario.Descriptors;
import dev.adjointgreeks.scenario.LongRows;
import dev.adjointgreeks.sensitivity.LongLayoutWriter;
import dev.adjointgreeks.sensitivity.SensitivityRow;
import dev.adjointgreeks.sensitivity.SensitivityTotals;
import dev.adjointgreeks.sensitivity.WideColumns;
import dev.adjointgreeks.spec.Role;

/**
 * What {@code greeks price} writes besides (or instead of) the wide rows: the long layout
 * ({@code --layout long}, with its {@code TOTAL} rows under {@code --totals}) and the CRIF file
 * ({@code --crif}). Each stream is owned by the caller (stdout or an atomic file); this class only
 * turns each priced trade into rows. Rejected rows never reach it, so they write nothing here.
 *
 * <p>CRIF, per trade:
 * <ul>
 * <li>one {@code Risk_Equity} row per underlying (each element of the spot block): the first-order
 *     term {@code S dV/dS x 0.01} of SIMM's {@code V(1.01 S) - V(S)} (see the crif package notes for
 *     the gap). Qualifier: the trade's {@code underlying}, else its id; for a multi-asset trade
 *     {@code <underlying>_<i>}. Bucket the row's {@code simm_bucket} (default {@code Residual}), asset
 *     i's own where a multi-asset row lists one per asset;
 * <li>{@code Risk_IRCurve} rows only from the row's discount-curve buckets ({@code d_discount_curve_<pillar>},
 *     {@code dV/dz x 1e-4} allocated linearly to the SIMM tenors, see the crif package); a trade on a
 *     curve whose buckets were not selected is a usage error rather than a CRIF that silently lacks
 *     its interest-rate risk ({@code --crif} adds {@code d_discount_curve} to an explicit
 *     {@code --greeks}). A flat {@code rate}'s rho maps to
 *     no SIMM tenor: a flat rate is not a curve node, and spreading rho onto the maturity's tenors
 *     is exact for a European but not for a path-dependent trade, whose rho is spread over its
 *     fixing dates; such a trade writes no interest-rate row rather than a guessed one;
 * <li>dividend sensitivities are never written (not an interest-rate risk type);
 * <li>a LIBOR trade writes no row: it has no spot, and its forward rates are not a discount curve.
 * </ul>
 * A market's {@code currency} (default USD, with {@code usd_per_unit} required otherwise), {@code subcurve}
 * (default OIS), {@code simm_ir_bucket} (default 1) and its underlying's {@code simm_bucket} (default
 * Residual) come from the row ({@link dev.adjointgreeks.scenario.MarketTags}).
 */
final class SensitivityOutput implements AutoCloseable {

    private final List<String> valueColumns;
    private final LongLayoutWriter longWriter;
    private final SensitivityTotals totals;
    private final Writer crifText;
    private final CrifWriter crif;

    /**
     * @param longOut   where the long layout goes, or null for none
     * @param jsonl     JSON lines rather than CSV for the long layout
     * @param totals    add {@code TOTAL} rows after the trades (long layout)
     * @param crifOut   where the CRIF goes, or null for none
     */
    SensitivityOutput(List<String> valueColumns, OutputStream longOut, boolean jsonl, boolean totals,
            OutputStream crifOut) throws IOException {
        this.valueColumns = valueColumns;
        Writer w = longOut == null ? null : new OutputStreamWriter(longOut, StandardCharsets.UTF_8);
        this.longWriter = w == null ? null : jsonl ? LongLayoutWriter.jsonLines(w) : LongLayoutWriter.csv(w);
        this.totals = longOut != null && totals ? new SensitivityTotals() : null;
        this.crifText = crifOut == null ? null : new OutputStreamWriter(crifOut, StandardCharsets.UTF_8);
        this.crif = crifText == null ? null : new CrifWriter(crifText);
    }

    /** A trade's own row, priced and past the batch rule. */
    void priced(TradeResult r, TradeTask task) throws IOException {
        if (longWriter != null) {
            String market = task.fields().text(Descriptors.MARKET_KEY);
            List<SensitivityRow> rows = LongRows.of(r, market == null ? "" : market.trim(), valueColumns);
            longWriter.writeAll(rows);
            if (totals != null) {
                totals.addAll(rows, r.quantity());
            }
        }
        if (crif != null) {
            MarketTags tags = MarketTags.of(task.fields());
            crif.writeAll(crifRows(r, task.trade(), new CrifMarket(tags.currency(), tags.usdPerUnit(), tags.subcurve(),
                    tags.simmIrBucket()), tags::simmBucket));
        }
    }

    /** After every trade: the {@code TOTAL} rows, if asked for. */
    void finish() throws IOException {
        if (totals != null) {
            longWriter.writeAll(totals.rows());
        }
    }

    /** The CRIF rows of one priced trade (see the class notes): its equity rows, then its curve's. */
    static List<CrifRow> crifRows(TradeResult r, Trade trade, CrifMarket market, IntFunction<String> simmBucket) {
        PricingProblem problem = trade.problem();
        double[] x = problem.inputValues();
        List<CrifRow> out = new ArrayList<>();
        boolean onCurve = false;
        for (InputBlock b : problem.layout().blocks()) {
            onCurve |= b.greekFamily().equals(DISCOUNT_FAMILY);
        }
        String name = trade.underlying() != null && !trade.underlying().isEmpty() ? trade.underlying() : trade.id();
        for (Greek.FirstOrder g : GreekCatalogue.of(problem, false).firstOrder()) {
            if (g.block().role() != Role.SPOT) {
                continue;
            }
            Double dVdS = r.values().get(g.column());
            if (dVdS == null || dVdS.isNaN()) {
                throw new IllegalStateException(trade.id() + ": no " + g.column() + " for the CRIF equity delta");
            }
            String qualifier = g.block().size() == 1 ? name : name + "_" + (g.element() + 1);
            out.add(CrifRows.equity(trade.id(), CrifRows.EQUITY_PRODUCT, qualifier, simmBucket.apply(g.element()), market,
                    x[g.input()], dVdS));
        }
        List<CrifRow> ir = irCurveRows(r, market);
        if (onCurve && ir.isEmpty()) {
            throw new UsageException("--crif: trade " + trade.id() + " is on a discount curve: add "
                    + DISCOUNT_FAMILY + " to --greeks so that its Risk_IRCurve rows can be written");
        }
        out.addAll(ir);
        return out;
    }

    /**
     * The {@code Risk_IRCurve} rows of a row's discount-curve buckets ({@code d_discount_curve_<pillar>}
     * columns, pillars as written, so their times follow the curve's tenor convention), allocated to
     * the SIMM tenors; none for a row without them. Dividend-curve buckets are never read.
     */
    static List<CrifRow> irCurveRows(TradeResult r, CrifMarket market) {
        List<Double> times = new ArrayList<>();
        List<Double> dVdz = new ArrayList<>();
        String prefix = DISCOUNT_FAMILY + "_";
        for (Map.Entry<String, Double> e : r.values().entrySet()) {
            String c = e.getKey();
            if (c.startsWith(prefix) && !c.endsWith("_stderr")) {
                times.add(Pillar.parse(c, c.substring(prefix.length())).years());
                dVdz.add(e.getValue());
            }
        }
        double[] t = new double[times.size()];
        double[] d = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
            d[i] = dVdz.get(i);
        }
        return t.length == 0 ? List.of() : CrifRows.irCurve(r.id(), CrifRows.EQUITY_PRODUCT, market, t, d);
    }

    private static final String DISCOUNT_FAMILY = "d_" + WideColumns.DISCOUNT_CURVE;

    @Override
    public void close() throws IOException {
        if (longWriter != null) {
            longWriter.close();
        }
        if (crif != null) {
            crif.close();
            crifText.flush();
        }
    }
}
