// Bundles a NestJS service into dist/services/<name>/main.js. Libraries are bundled from
// source through the tsconfig path aliases; npm packages stay external (installed in the image).
const path = require('node:path');
const nodeExternals = require('webpack-node-externals');
const { TsconfigPathsPlugin } = require('tsconfig-paths-webpack-plugin');

const workspaceRoot = path.resolve(__dirname, '..');

/** @param {{ name: string, entry?: string, outputDir?: string }} options */
module.exports = function serviceWebpackConfig({ name, entry, outputDir }) {
  const projectRoot = path.join(workspaceRoot, 'services', name);
  return {
    mode: 'production',
    target: 'node24',
    context: workspaceRoot,
    entry: entry ?? path.join(projectRoot, 'src/main.ts'),
    devtool: 'source-map',
    output: {
      path: outputDir ?? path.join(workspaceRoot, 'dist/services', name),
      filename: 'main.js',
      clean: { keep: /^proto\// },
    },
    // Keep __dirname real: the gRPC transport finds proto/ beside the bundle.
    node: { __dirname: false, __filename: false },
    optimization: { minimize: false, nodeEnv: false },
    externalsPresets: { node: true },
    externals: [nodeExternals({ modulesDir: path.join(workspaceRoot, 'node_modules') })],
    resolve: {
      extensions: ['.ts', '.js'],
      plugins: [
        new TsconfigPathsPlugin({ configFile: path.join(workspaceRoot, 'tsconfig.base.json') }),
      ],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: { transpileOnly: true, configFile: path.join(projectRoot, 'tsconfig.app.json') },
        },
      ],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
