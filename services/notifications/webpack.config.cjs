module.exports = require('../../tools/webpack.service.cjs')({ name: 'notifications' });
