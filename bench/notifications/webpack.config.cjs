// Bundles the benchmark into dist/bench/notifications/main.js with the services' webpack setup.
// That setup reads ts-loader's tsconfig from services/<name>/, so point it at ours.
const path = require('node:path');
const serviceWebpackConfig = require('../../tools/webpack.service.cjs');

const config = serviceWebpackConfig({
  name: 'bench-notifications',
  entry: path.join(__dirname, 'src/main.ts'),
  outputDir: path.resolve(__dirname, '../../dist/bench/notifications'),
});
for (const rule of config.module.rules) {
  if (rule.loader === 'ts-loader')
    rule.options.configFile = path.join(__dirname, 'tsconfig.app.json');
}
module.exports = config;
