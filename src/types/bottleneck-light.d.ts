// bottleneck's light build (the one octokit's throttling plugin uses) has the full build's API.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
