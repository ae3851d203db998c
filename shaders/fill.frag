#version 330 core
flat in uint vFeature;
in vec2 vPixel;
out vec4 fragColor;

uniform vec4 uColor;
uniform bool uPerFeature;
uniform samplerBuffer uFeatureColors;
uniform vec4 uHatchColor;
uniform vec4 uHatch;  // spacing, width (device px), direction (cos, sin); spacing 0: no hatch

void main() {
    vec4 c = uPerFeature ? texelFetch(uFeatureColors, int(vFeature)) : uColor;
    if (uHatch.x > 0.0) {
        // Distance to the nearest stripe centre, measured across the stripes, in device pixels:
        // the whole-image pixel keeps stripes continuous across tiles.
        float d = dot(vPixel, uHatch.zw);
        float s = abs(mod(d, uHatch.x) - 0.5 * uHatch.x);
        float cover = clamp(0.5 * uHatch.y + 0.5 - s, 0.0, 1.0) * uHatchColor.a;
        c = vec4(mix(c.rgb, uHatchColor.rgb, cover), c.a + cover * (1.0 - c.a));
    }
    if (c.a <= 0.0) discard;
    fragColor = c;
}
