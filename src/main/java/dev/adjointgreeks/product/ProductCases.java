package dev.adjointgreeks.product;

/**
 * One case per built-in product, for code that does something different for each (a model's table
 * of closed forms). A product picks its own case in {@link Product#match}, so the caller needs no
 * {@code instanceof}; a case it does not override falls to {@link #other}, as does a product that
 * is not built in.
 *
 * @param <R> what the cases return
 */
public interface ProductCases<R> {

    /** A product with no case of its own here. */
    R other(Product p);

    default R european(European e) {
        return other(e);
    }

    default R digital(Digital d) {
        return other(d);
    }

    default R asian(Asian a) {
        return other(a);
    }

    default R barrier(Barrier b) {
        return other(b);
    }

    default R basket(Basket b) {
        return other(b);
    }

    default R exchange(Exchange e) {
        return other(e);
    }
}
