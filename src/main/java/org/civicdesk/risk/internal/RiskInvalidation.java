package org.civicdesk.risk.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.civicdesk.platform.RedisChannels;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Tells the other instances that a level or a profile changed, so they read them again at once
 * rather than when their copy grows old; and listens for the same from them. After Redis was
 * away, an instance reads again too, since it may have missed a message.
 */
@Component
class RiskInvalidation implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(RiskInvalidation.class);

    private final RedisChannels channels;
    private final RiskPolicy policy;
    private final Platform platform;
    private final String channel;
    private volatile @Nullable Disposable subscription;

    RiskInvalidation(RedisChannels channels, RiskPolicy policy, Platform platform) {
        this.channels = channels;
        this.policy = policy;
        this.platform = platform;
        this.channel = platform.key("risk", "changed");
    }

    /** Says that this instance changed something; never fails (the others' copies age out anyway). */
    Mono<Void> announce() {
        return channels.publish(channel, platform.instanceId())
                .onErrorResume(ex -> {
                    log.warn("Could not tell other instances about a risk change, they will see it within the cache time: "
                            + ex.getMessage());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void start() {
        subscription = channels.listen(channel, this::renew)
                .filter(origin -> !origin.equals(platform.instanceId()))
                .concatMap(origin -> policy.refresh().onErrorResume(ex -> {
                    log.warn("Could not read the risk levels again: " + ex.getMessage());
                    return Mono.empty();
                }))
                .subscribe();
    }

    private void renew() {
        policy.refresh().subscribe(fresh -> { }, ex -> log.warn("Could not read the risk levels again: " + ex.getMessage()));
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
