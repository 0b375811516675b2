package dev.mizzen.dsl.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrsTest {

  @Test
  void parsesIpv4AndIpv6Blocks() {
    assertThat(Cidrs.parse("10.0.0.0/8")).hasValueSatisfying(b -> assertThat(b.prefix()).isEqualTo(8));
    assertThat(Cidrs.parse("0.0.0.0/0")).isPresent();
    assertThat(Cidrs.parse("192.168.1.7/32")).isPresent();
    assertThat(Cidrs.parse("fd00::/64")).hasValueSatisfying(b -> assertThat(b.address()).hasSize(16));
    assertThat(Cidrs.parse("::/0")).isPresent();
  }

  @Test
  void refusesWhatTheApiServerWouldNotTakeCleanly() {
    assertThat(Cidrs.parse("10.0.0.0")).isEmpty();
    assertThat(Cidrs.parse("10.0.0.0/")).isEmpty();
    assertThat(Cidrs.parse("10.0.0.0/08")).isEmpty();
    assertThat(Cidrs.parse("10.0.0.0/8/8")).isEmpty();
    assertThat(Cidrs.parse("10.0.0.0/33")).isEmpty();
    assertThat(Cidrs.parse("fd00::/129")).isEmpty();
    assertThat(Cidrs.parse("010.0.0.0/8")).isEmpty();
    assertThat(Cidrs.parse("fe80::1%eth0/64")).isEmpty();
    assertThat(Cidrs.parse("::ffff:10.0.0.0/104")).isEmpty();
    assertThat(Cidrs.parse("example.com/8")).isEmpty();
    assertThat(Cidrs.parse(null)).isEmpty();
  }

  @Test
  void findsHostBitsAndStrictSubsets() {
    assertThat(Cidrs.parse("10.0.0.1/8").get().isNetwork()).isFalse();
    assertThat(Cidrs.parse("10.0.0.1/8").get().network()).hasToString("10.0.0.0/8");
    assertThat(Cidrs.parse("fd00::1/64").get().network()).hasToString("fd00::/64");
    Cidrs.Block ten = Cidrs.parse("10.0.0.0/8").get();
    assertThat(ten.strictlyContains(Cidrs.parse("10.1.0.0/16").get())).isTrue();
    assertThat(ten.strictlyContains(Cidrs.parse("10.0.0.0/8").get())).isFalse();
    assertThat(ten.strictlyContains(Cidrs.parse("11.0.0.0/16").get())).isFalse();
    assertThat(ten.strictlyContains(Cidrs.parse("fd00::/64").get())).isFalse();
  }
}
