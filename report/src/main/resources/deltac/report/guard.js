window.deltacReport={done:false,scriptErrors:[],blocked:[],katexErrors:[]};
addEventListener("error",function(e){var t=e.target;window.deltacReport.scriptErrors.push(t&&t!==window&&t.tagName?"failed to load "+t.tagName+" "+(t.src||t.href||""):String(e.message)+" at "+(e.filename||"page")+":"+(e.lineno||0));},true);
addEventListener("unhandledrejection",function(e){window.deltacReport.scriptErrors.push("unhandled rejection: "+String(e.reason));});
document.addEventListener("securitypolicyviolation",function(e){window.deltacReport.blocked.push(e.violatedDirective+" blocked "+(e.blockedURI||"inline"));});
