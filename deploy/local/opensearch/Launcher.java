// Single-source launcher for a local, single-node OpenSearch built from Maven Central jars.
//
//   java -Xms512m -Xmx1g -cp "$CACHE/opensearch-2.19.6/lib/*" deploy/local/opensearch/Launcher.java \
//        path.home=/x/home path.data=/x/data path.logs=/x/logs http.port=9200 ...
//
// Every argument is a "key=value" OpenSearch setting; they override the defaults below.
//
// Node's public constructor only loads plugins from <path.home>/plugins and modules/, which a
// Maven-resolved node does not have. Its protected constructor takes classpath plugins; that is
// what the test framework's MockNode uses too. MockNode itself is NOT used: with the test
// framework (randomizedtesting) on the classpath, org.opensearch.common.Randomness insists on a
// RandomizedContext and the node dies in NodeEnvironment.generateNodeId ("running tests but failed
// to invoke RandomizedContext#getRandom"). Subclassing Node directly gives a plain production node
// (real Netty4 HTTP/transport, search service, BigArrays) without any test jars.
// Used only by deploy/local/infra.sh (local development and tests), never in production.

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

public class Launcher {
    /** Exposes Node's protected constructor that accepts classpath plugins. */
    static final class LocalNode extends Node {
        LocalNode(Environment env, Collection<Class<? extends Plugin>> classpathPlugins) {
            super(env, classpathPlugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings.Builder builder = Settings.builder()
            .put("cluster.name", "itsm-local")
            .put("node.name", "itsm-local-1")
            .put("network.host", "127.0.0.1")
            .put("http.port", "9200")
            .put("transport.port", "9300")
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            .put("discovery.type", "single-node")
            // a dev box's disk may be fuller than the default watermarks: never go read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.destructive_requires_name", false);
        // Note: cluster.default_number_of_replicas is read from the cluster state's persistent
        // settings, not from node settings; infra.sh sets it to 0 through the REST API.
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got: " + arg);
            }
            builder.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Settings settings = builder.build();
        if (!settings.hasValue("path.home")) {
            throw new IllegalArgumentException("path.home=<dir> is required");
        }

        List<Class<? extends Plugin>> plugins = Arrays.asList(
            Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class);

        Node node;
        try {
            Environment env = InternalSettingsPreparer.prepareEnvironment(
                settings, Collections.emptyMap(), null, () -> settings.get("node.name"));
            node = new LocalNode(env, plugins);
        } catch (Throwable t) {
            // the constructor may already have started non-daemon threads: exit explicitly
            t.printStackTrace();
            LogManager.shutdown();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                // log4j's own shutdown hook is disabled (-Dlog4j2.shutdownHookEnabled=false) so that
                // the node's shutdown messages still reach the log; flush it last.
                LogManager.shutdown();
                stopped.countDown();
            }
        }, "itsm-opensearch-shutdown"));
        try {
            node.start();
        } catch (Throwable t) {
            // e.g. a port already in use: fail fast instead of lingering half-started
            t.printStackTrace();
            System.exit(1); // runs the shutdown hook, which closes the node
        }
        System.out.println("itsm-local OpenSearch node started: http://"
            + settings.get("network.host") + ":" + settings.get("http.port"));
        stopped.await();
    }
}
