/*
 * Stand-in for libpulse.so.0 (PulseAudio client library), used only where the system has none.
 *
 * The bundled FFmpeg (org.bytedeco ffmpeg, linux-x86_64-gpl) links libavdevice, which links libpulse for
 * its PulseAudio capture and playback devices. Fasheng never opens those devices (FFmpeg reads only local
 * files through an allow-list of demuxers), but the dynamic loader refuses to start ffmpeg at all when
 * libpulse.so.0 is missing, as it is on a minimal server. This library satisfies the loader: it defines
 * the PULSE_0 symbols libavdevice imports, and each fails (returns 0/NULL) if ever called.
 *
 * Rebuild with ./build.sh (gcc); the result is committed as
 * backend/src/main/resources/native/linux-x86_64/libpulse.so.0.
 */
long pa_channel_map_init_extend(void) { return 0; }
long pa_channel_map_valid(void) { return 0; }
long pa_context_connect(void) { return 0; }
long pa_context_disconnect(void) { return 0; }
long pa_context_errno(void) { return 0; }
long pa_context_get_server_info(void) { return 0; }
long pa_context_get_sink_info_by_name(void) { return 0; }
long pa_context_get_sink_info_list(void) { return 0; }
long pa_context_get_sink_input_info(void) { return 0; }
long pa_context_get_source_info_list(void) { return 0; }
long pa_context_get_state(void) { return 0; }
long pa_context_new(void) { return 0; }
long pa_context_set_sink_input_mute(void) { return 0; }
long pa_context_set_sink_input_volume(void) { return 0; }
long pa_context_set_state_callback(void) { return 0; }
long pa_context_set_subscribe_callback(void) { return 0; }
long pa_context_subscribe(void) { return 0; }
long pa_context_unref(void) { return 0; }
long pa_cvolume_avg(void) { return 0; }
long pa_cvolume_set(void) { return 0; }
long pa_frame_size(void) { return 0; }
long pa_mainloop_free(void) { return 0; }
long pa_mainloop_get_api(void) { return 0; }
long pa_mainloop_iterate(void) { return 0; }
long pa_mainloop_new(void) { return 0; }
long pa_operation_get_state(void) { return 0; }
long pa_operation_unref(void) { return 0; }
long pa_sample_spec_valid(void) { return 0; }
long pa_stream_connect_playback(void) { return 0; }
long pa_stream_connect_record(void) { return 0; }
long pa_stream_cork(void) { return 0; }
long pa_stream_disconnect(void) { return 0; }
long pa_stream_drop(void) { return 0; }
long pa_stream_flush(void) { return 0; }
long pa_stream_get_buffer_attr(void) { return 0; }
long pa_stream_get_index(void) { return 0; }
long pa_stream_get_latency(void) { return 0; }
long pa_stream_get_sample_spec(void) { return 0; }
long pa_stream_get_state(void) { return 0; }
long pa_stream_is_corked(void) { return 0; }
long pa_stream_new(void) { return 0; }
long pa_stream_peek(void) { return 0; }
long pa_stream_set_latency_update_callback(void) { return 0; }
long pa_stream_set_overflow_callback(void) { return 0; }
long pa_stream_set_read_callback(void) { return 0; }
long pa_stream_set_state_callback(void) { return 0; }
long pa_stream_set_underflow_callback(void) { return 0; }
long pa_stream_set_write_callback(void) { return 0; }
long pa_stream_unref(void) { return 0; }
long pa_stream_update_timing_info(void) { return 0; }
long pa_stream_writable_size(void) { return 0; }
long pa_stream_write(void) { return 0; }
long pa_strerror(void) { return 0; }
long pa_sw_cvolume_multiply_scalar(void) { return 0; }
long pa_sw_volume_divide(void) { return 0; }
long pa_sw_volume_multiply(void) { return 0; }
long pa_threaded_mainloop_free(void) { return 0; }
long pa_threaded_mainloop_get_api(void) { return 0; }
long pa_threaded_mainloop_lock(void) { return 0; }
long pa_threaded_mainloop_new(void) { return 0; }
long pa_threaded_mainloop_signal(void) { return 0; }
long pa_threaded_mainloop_start(void) { return 0; }
long pa_threaded_mainloop_stop(void) { return 0; }
long pa_threaded_mainloop_unlock(void) { return 0; }
long pa_threaded_mainloop_wait(void) { return 0; }
