package dev.kpi.calc.funnel;

import java.util.Arrays;

/**
 * Joins deals to leads. A deal belongs to one lead: the earliest-created of its contacts that is a known
 * lead, else the earliest-created lead of its account; a deal that matches neither belongs to no lead.
 * One lead per deal keeps every deal, and its revenue, counted once.
 */
public final class Links {
    private final LeadTable leads;
    private final DealTable deals;
    private final int[] earliestOfAccount;

    public Links(LeadTable leads, DealTable deals) {
        this.leads = leads;
        this.deals = deals;
        earliestOfAccount = new int[leads.accounts().size()];
        Arrays.fill(earliestOfAccount, -1);
        for (int i = 0; i < leads.size(); i++) {
            int a = leads.account(i);
            if (a == TextCodes.NONE) continue;
            int cur = earliestOfAccount[a];
            if (cur < 0 || earlier(i, cur)) earliestOfAccount[a] = i;
        }
    }

    private boolean earlier(int a, int b) {
        int ca = leads.created(a);
        int cb = leads.created(b);
        if (ca == cb) return a < b;
        if (ca == Minutes.NONE) return false;
        if (cb == Minutes.NONE) return true;
        return ca < cb;
    }

    /** The lead a deal belongs to, or -1. */
    public int leadOf(int deal) {
        int best = -1;
        for (String c : deals.contacts(deal)) {
            int l = leads.indexOf(c);
            if (l >= 0 && (best < 0 || earlier(l, best))) best = l;
        }
        if (best >= 0) return best;
        return earliestLeadOfAccount(deals.account(deal));
    }

    /** The earliest-created lead of an account (a code of the shared account index), or -1. */
    public int earliestLeadOfAccount(int account) {
        return account == TextCodes.NONE || account >= earliestOfAccount.length ? -1 : earliestOfAccount[account];
    }
}
