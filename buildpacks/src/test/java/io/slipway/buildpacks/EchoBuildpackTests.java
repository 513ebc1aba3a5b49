package io.slipway.buildpacks;

import io.slipway.buildpacks.TestBundles.Sample;

/** The buildpack contract for {@link EchoBuildpack}. */
class EchoBuildpackTests extends AbstractBuildpackContractTests {

    @Override
    Buildpack buildpack() {
        return new EchoBuildpack();
    }

    @Override
    Sample sample() {
        return Sample.ECHO;
    }

    @Override
    String engine() {
        return RuntimeDistribution.NO_ENGINE;
    }

}
