package dev.weir.core;

import java.util.concurrent.ThreadLocalRandom;

/** Generates memorable run names, such as {@code crimson-heron}, for runs without a name template. */
public final class RunNames {

    private static final String[] ADJECTIVES = {
        "amber", "brave", "calm", "crimson", "daring", "eager", "fancy", "gentle", "golden", "hidden", "icy",
        "jolly", "keen", "lively", "mellow", "nimble", "olive", "proud", "quiet", "rapid", "silver", "tidy",
        "urban", "vivid", "witty", "young", "zesty", "azure", "bold", "cosmic", "dusky", "electric",
    };
    private static final String[] ANIMALS = {
        "otter", "heron", "lynx", "badger", "falcon", "gecko", "ibis", "jaguar", "koala", "lemur", "marten",
        "newt", "ocelot", "puffin", "quail", "raven", "salmon", "tapir", "urchin", "vole", "walrus", "yak",
        "zebra", "bison", "crane", "dingo", "egret", "ferret", "gazelle", "hare", "impala", "kestrel",
    };

    private RunNames() {}

    /** A new name: an adjective and an animal. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return ADJECTIVES[random.nextInt(ADJECTIVES.length)] + "-" + ANIMALS[random.nextInt(ANIMALS.length)];
    }
}
