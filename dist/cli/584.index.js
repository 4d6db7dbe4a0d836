export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   getErrorMessage: () => (/* binding */ getErrorMessage),
/* harmony export */   statusOf: () => (/* binding */ statusOf)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__);




/** Builds the client, and a counter of the HTTP requests it sends. */
function createGitHubClient(options) {
    const maxRetries = options.rateLimitRetries ?? 2;
    const scale = options.timeScale ?? 1;
    const counter = { count: 0 };
    const client = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: options.baseUrl,
        // Counted at the fetch, under the retry plugin, so that every attempt counts.
        request: {
            fetch: (url, init) => {
                counter.count++;
                return fetch(url, init);
            },
        },
        retry: { retryAfterBaseValue: 1000 * scale },
        throttle: {
            retryAfterBaseValue: 1000 * scale,
            ...(scale === 1 ? {} : spacedGroups(scale)),
            onRateLimit: (retryAfter, request, _octokit, retryCount) => {
                options.warn(`GitHub rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
                return retryCount < maxRetries;
            },
            onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
                options.warn(`GitHub secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
                return retryCount < maxRetries;
            },
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
    return { client, requests: counter };
}
/** The throttling plugin's write queues (one write at a time, 1 s and 3 s apart), rescaled. */
function spacedGroups(scale) {
    return {
        write: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 1, minTime: 1000 * scale }),
        notifications: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 1, minTime: 3000 * scale }),
    };
}
/** The message of any thrown value, for logs and warnings. */
function getErrorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
/** The HTTP status of an octokit error, if it has one. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}


/***/ })

};
