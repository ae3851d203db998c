#version 330 core
//#include transform.glsl
// An imported event dataset, instanced like point.vert (and drawn by point.frag), but uploaded
// once: the timeline filter runs here, per event, with model::eventOpacity's rule, so scrubbing
// changes uniforms only.
layout(location = 0) in vec2 aPos;
layout(location = 1) in int aFirst;     // first day (days since 1970) in the low 24 bits, category above
layout(location = 2) in uvec2 aAfter;   // days from the first to the last and to the superseding report
                                        // (65535: none)
noperspective out vec2 vLocal;
flat out float vRadius;
flat out vec4 vColor;

uniform int uMode;        // -1: everything; model::TimeMode: 0 cumulative, 1 window, 2 as-of
uniform float uDay;
uniform float uWindow;    // days, at least 1
uniform vec4 uColors[7];  // by category
uniform float uOpacity;   // the layer's
uniform float uSize;      // diameter, logical pixels
uniform float uOutline;     // device pixels
uniform float uSizeScale;  // device pixels per logical pixel

vec3 days() {  // first, last, superseded: as floats, exact for any day of years 0..9999
    float first = float((aFirst << 8) >> 8);
    return vec3(first, first + float(aAfter.x), aAfter.y == 65535u ? 3.0e38 : first + float(aAfter.y));
}

float timeOpacity() {
    if (uMode < 0) return 1.0;
    vec3 d = days();
    if (d.x > uDay) return 0.0;
    if (uMode == 0) return 1.0;
    float age = max(0.0, uDay - d.y);
    if (uMode == 1) return d.y < uDay - uWindow ? 0.0 : 1.0 - age / (uWindow + 1.0);
    if (d.z <= uDay) return 0.0;
    return 1.0 - 0.75 * min(1.0, age / uWindow);
}

void main() {
    float o = timeOpacity() * uOpacity;
    if (o <= 0.0) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: nothing drawn
        return;
    }
    vec2 corner = vec2(gl_VertexID & 1, (gl_VertexID >> 1) & 1) * 2.0 - 1.0;
    vRadius = 0.5 * uSize * uSizeScale;
    vec4 c = uColors[(aFirst >> 24) & 0xFF];
    vColor = vec4(c.rgb, c.a * o);
    float extent = vRadius + uOutline + 1.0;
    vLocal = corner * extent;
    gl_Position = pixelToClip(toPixel(aPos) + vLocal);
}
