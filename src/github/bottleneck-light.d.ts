// bottleneck/light.js (the build @octokit/plugin-throttling uses, without Redis clustering) has the
// same API as the full build, whose types bottleneck ships.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
