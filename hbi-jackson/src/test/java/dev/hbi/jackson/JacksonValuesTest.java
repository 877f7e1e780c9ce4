package dev.hbi.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.Expose;
import dev.hbi.HbiConfig;
import dev.hbi.HbiException;
import dev.hbi.HostingEnv;
import dev.hbi.PostingConversation;
import dev.hbi.testing.HbiPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** POJOs and java.time values through typed methods and proxies, with Jackson. */
class JacksonValuesTest {

    /** A POJO: Jackson maps it to and from a dict of its properties. */
    public static final class Order {
        private String item;
        private int quantity;
        private LocalDate due;

        public Order() {
        }

        public Order(String item, int quantity, LocalDate due) {
            this.item = item;
            this.quantity = quantity;
            this.due = due;
        }

        public String getItem() {
            return item;
        }

        public void setItem(String item) {
            this.item = item;
        }

        public int getQuantity() {
            return quantity;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }

        public LocalDate getDue() {
            return due;
        }

        public void setDue(LocalDate due) {
            this.due = due;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Order other && item.equals(other.item) && quantity == other.quantity
                    && Objects.equals(due, other.due);
        }

        @Override
        public int hashCode() {
            return Objects.hash(item, quantity, due);
        }
    }

    /** The service, as the client sees it. */
    public interface Shop {
        @Expose("place")
        Order place(Order order);

        @Expose("orders")
        List<Order> orders(LocalDate after);
    }

    /** The service, on the server. */
    public static final class ShopImpl {
        private final List<Order> placed = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Expose("place")
        public Order place(Order order) {
            Order doubled = new Order(order.getItem(), order.getQuantity() * 2, order.getDue());
            placed.add(doubled);
            return doubled;
        }

        @Expose("orders")
        public List<Order> orders(LocalDate after) {
            return placed.stream().filter(o -> o.getDue().isAfter(after)).toList();
        }
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(dev.hbi.spi.ValueMapper.class).stream()
                .map(p -> p.type().getName())).contains(JacksonValueMapper.class.getName());
    }

    @Test
    void pojosAndDatesTravelAsDictsAndStrings() {
        ShopImpl shop = new ShopImpl();
        try (HbiPair pair = HbiPair.open(() -> HostingEnv.create().exposeReactor(shop), HostingEnv.create())) {
            Shop remote = pair.client().postingEnd().proxy(Shop.class);
            LocalDate due = LocalDate.of(2026, 12, 24);
            assertThat(remote.place(new Order("tea", 3, due))).isEqualTo(new Order("tea", 6, due));
            assertThat(remote.orders(LocalDate.of(2026, 12, 1))).containsExactly(new Order("tea", 6, due));
            try (PostingConversation co = pair.client().postingEnd().newConversation()) {
                co.sendCode("place({'item': 'jam', 'quantity': 1, 'due': '2027-01-05'})");
                co.startRecv();
                assertThat(co.recvObj()).isEqualTo(Map.of("item", "jam", "quantity", 2, "due", "2027-01-05"));
            }
        }
    }

    @Test
    void aDictThatDoesNotFitThePojoIsALandingErrorSayingWhy() {
        try (HbiPair pair = HbiPair.open(() -> HostingEnv.create().exposeReactor(new ShopImpl()), HostingEnv.create(),
                HbiConfig.builder().wire(HbiConfig.Wire.MULTIPLEXED).build());
             PostingConversation co = pair.client().postingEnd().newConversation()) {
            co.sendCode("place({'item': 'jam', 'colour': 'red'})");
            co.startRecv();
            assertThatThrownBy(co::recvObj).isInstanceOf(HbiException.class)
                    .hasMessageContaining("argument 'order' of place()")
                    .hasMessageContaining("colour");
        }
    }
}
