export * from './assert-unreachable';
