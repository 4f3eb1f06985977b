package dev.adjointgreeks.crif;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds CRIF rows from this project's raw partial derivatives, per the SIMM sensitivity definitions
 * (see the package notes for the definitions and their sources).
 */
public final class CrifRows {

    /** ProductClass of the equity options priced here. */
    public static final String EQUITY_PRODUCT = "Equity";
    public static final String RISK_IR_CURVE = "Risk_IRCurve";
    public static final String RISK_EQUITY = "Risk_Equity";
    /** The SIMM interest-rate delta's shift: one basis point of the zero rate. */
    public static final double IR_SHIFT = 1e-4;
    /** The SIMM equity delta's shift: one percent of the spot. */
    public static final double EQUITY_SHIFT = 0.01;

    private CrifRows() {
    }

    /**
     * {@code Risk_IRCurve} rows of one trade's discount-curve sensitivities: the pillars' amounts
     * {@code dV/dz_i x 1e-4} allocated to the SIMM tenors ({@link SimmAllocation}), one row per tenor
     * in tenor order; a tenor whose amount is exactly zero is left out, as CRIF files are sparse.
     *
     * @param pillarTimes the discount curve's pillar times
     * @param dVdz the trade's raw partial derivatives in each pillar's zero rate (per unit rate)
     */
    public static List<CrifRow> irCurve(String tradeId, String productClass, CrifMarket market, double[] pillarTimes,
            double[] dVdz) {
        double[] perBp = new double[dVdz.length];
        for (int i = 0; i < dVdz.length; i++) {
            perBp[i] = dVdz[i] * IR_SHIFT;
        }
        double[] byTenor = SimmAllocation.allocate(pillarTimes, perBp);
        List<CrifRow> rows = new ArrayList<>();
        for (SimmTenor tenor : SimmTenor.values()) {
            double amount = byTenor[tenor.ordinal()];
            if (amount != 0.0) {
                rows.add(new CrifRow(tradeId, productClass, RISK_IR_CURVE, market.currency(), market.simmIrBucket(),
                        tenor.label(), market.subcurve(), amount, market.currency(), market.usd(amount)));
            }
        }
        return rows;
    }

    /**
     * The {@code Risk_Equity} row of one trade and underlying: the first-order term of SIMM's
     * {@code V(1.01 S) - V(S)}, {@code S dV/dS x 0.01}. The omitted terms are
     * {@code (0.01 S)^2 Gamma / 2 + ...}; the package notes give their size.
     */
    public static CrifRow equity(String tradeId, String productClass, String underlying, String simmBucket,
            CrifMarket market, double spot, double dVdS) {
        double amount = spot * dVdS * EQUITY_SHIFT;
        return new CrifRow(tradeId, productClass, RISK_EQUITY, underlying, simmBucket, "", "", amount,
                market.currency(), market.usd(amount));
    }
}
